package io.shiporskip.api.tool.service;

import io.shiporskip.api.platform.Params;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Editors' request bodies. Sizes mirror the columns of V1__catalog.sql, so a valid body always fits. */
public final class EditorialRequests {

    /*
     * Patterns mean the same in Java and in ECMA-262, which the OpenAPI document's clients evaluate them with: no
     * inline flags, anchored, and \s or \S only in [\s\S] (any character), since JavaScript's \s also matches
     * Unicode spaces and Java's only ASCII ones.
     */
    /** At least one character that is not ASCII whitespace (what Java's \S means). */
    static final String NOT_BLANK = "^[\\s\\S]*[^ \\t\\n\\x0B\\f\\r][\\s\\S]*$";
    static final String URL = "^https?://[^ \\t\\n\\x0B\\f\\r]+$";
    static final String DECISION = "^(SHIP|SKIP)$";

    private EditorialRequests() {
    }

    /** {@code slug} is optional: derived from the name when absent. */
    public record NewTool(
            @Size(max = 100) @Pattern(regexp = Params.SLUG_PATTERN, message = Params.SLUG_MESSAGE) String slug,
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 120) String vendor,
            @NotBlank @Size(max = 200) String tagline,
            @NotBlank @Size(max = 5000) String description,
            @NotBlank @Size(max = 60) String category,
            @NotBlank @Size(max = 300) String pricing,
            @NotBlank @Size(max = 40) String entryPrice,
            @Size(max = 80) String license,
            @Size(max = 300) @Pattern(regexp = URL, message = "must be an http or https URL") String website) {
    }

    /** Only the fields present change; the slug never does. */
    public record ToolPatch(
            @Size(min = 1, max = 120) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
            @Size(min = 1, max = 120) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String vendor,
            @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String tagline,
            @Size(min = 1, max = 5000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String description,
            @Size(min = 1, max = 60) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String category,
            @Size(min = 1, max = 300) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String pricing,
            @Size(min = 1, max = 40) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String entryPrice,
            @Size(max = 80) String license,
            @Size(max = 300) @Pattern(regexp = URL, message = "must be an http or https URL") String website) {
    }


    public record ReviewRequest(
            @NotNull @Min(0) @Max(100) Integer score,
            @NotNull @Pattern(regexp = DECISION, message = "must be SHIP or SKIP")
            @Schema(type = SchemaType.STRING, enumeration = {"SHIP", "SKIP"}) String decision,
            @NotBlank @Size(max = 5000) String text) {
    }
}
