package io.shiporskip.api.tool.claim.service;

import io.shiporskip.api.tool.claim.entity.ClaimStatus;
import io.shiporskip.api.tool.claim.entity.ProofMethod;
import io.shiporskip.model.ToolRef;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A claim in the editors' queue: the claim and who made it. */
@Schema(description = "A claim as the editors' queue lists it: the claim's fields and the claimant's e-mail")
public record QueuedClaim(
        @Schema(format = "uuid") String id,
        ToolRef tool,
        ClaimStatus status,
        String token,
        ClaimProof proof,
        OffsetDateTime createdAt,
        OffsetDateTime decidedAt,
        ProofMethod provedBy,
        @Schema(nullable = true) String reason,
        @Schema(format = "email", nullable = true, description = "The claimant's e-mail address; null when the account has been deleted") String claimantEmail) {

    static QueuedClaim of(Claim claim, String email) {
        return new QueuedClaim(claim.id(), claim.tool(), claim.status(), claim.token(), claim.proof(), claim.createdAt(),
                claim.decidedAt(), claim.provedBy(), claim.reason(), email);
    }
}
