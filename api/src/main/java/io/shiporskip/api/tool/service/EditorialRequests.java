package io.shiporskip.api.tool.service;

import io.shiporskip.api.platform.Params;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Editors' request bodies. Sizes mirror the columns of V1__catalog.sql, so a valid body always fits. */
public final class EditorialRequests {

    static final String NOT_BLANK = "(?s).*\\S.*";
    static final String URL = "^https?://[^\\s]+$";

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
            @NotNull @Pattern(regexp = "SHIP|SKIP", message = "must be SHIP or SKIP") String decision,
            @NotBlank @Size(max = 5000) String text) {
    }
}
