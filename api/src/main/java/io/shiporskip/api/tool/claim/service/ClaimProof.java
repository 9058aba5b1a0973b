package io.shiporskip.api.tool.claim.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where and how a claimant publishes the token; either one proves the claim. */
@Schema(description = "Where to publish the token: either one proves the claim")
public record ClaimProof(
        @Schema(nullable = true, format = "uri", description = "A text file at this URL must contain the token; null when the tool has no website on record (an editor then reviews the claim)") String wellKnownUrl,
        @Schema(description = "Or this tag in the head of the tool's home page (its website URL)") String metaTag) {
}
