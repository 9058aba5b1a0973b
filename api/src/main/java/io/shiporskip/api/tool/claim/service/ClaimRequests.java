package io.shiporskip.api.tool.claim.service;

import io.shiporskip.api.platform.ApiProblem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What editors send when they decide a claim, and the claim id's rule. */
public final class ClaimRequests {

    private ClaimRequests() {
    }

    @Schema(description = "An editor's approval; the note is optional and mailed to the claimant")
    public record ClaimApproval(
            @Schema(nullable = true, maxLength = 1000, description = "A note for the claimant", example = "Confirmed with the vendor's press contact")
            @Size(max = 1000) String reason) {
    }

    @Schema(description = "An editor's rejection; the reason is mailed to the claimant")
    public record ClaimRejection(
            @Schema(maxLength = 1000, description = "Why the claim is rejected", example = "The proof file is on a different product's site")
            @NotBlank @Size(max = 1000) String reason) {
    }

    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A claim id from a path; a 400 naming {@code id} when it is not a UUID. */
    public static UUID claimId(String value) {
        if (value == null || !UUID_SHAPE.matcher(value).matches()) {
            throw ApiProblem.badParameter("id", "must be a claim id (a UUID)");
        }
        return UUID.fromString(value);
    }
}
