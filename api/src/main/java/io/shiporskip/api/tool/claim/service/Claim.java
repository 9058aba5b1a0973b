package io.shiporskip.api.tool.claim.service;

import io.shiporskip.api.tool.claim.entity.ClaimStatus;
import io.shiporskip.api.tool.claim.entity.ProofMethod;
import io.shiporskip.model.ToolRef;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A maker's claim on a tool, as its claimant and the editors see it. */
@Schema(description = "An account's claim to be a maker of a tool, and how to prove it. `decidedAt` is when it was "
        + "approved or rejected (null while open); `provedBy` how an approved claim was proved (null until approved)")
public record Claim(
        @Schema(format = "uuid", description = "The claim's id") String id,
        ToolRef tool,
        ClaimStatus status,
        @Schema(description = "What to publish on the tool's website to prove the claim") String token,
        ClaimProof proof,
        OffsetDateTime createdAt,
        OffsetDateTime decidedAt,
        ProofMethod provedBy,
        @Schema(nullable = true, description = "Why the last automatic proof failed, or why an editor rejected the claim (or the editor's note on an approval)") String reason) {
}
