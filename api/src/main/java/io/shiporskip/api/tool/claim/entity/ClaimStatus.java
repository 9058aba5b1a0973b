package io.shiporskip.api.tool.claim.entity;

/** Where a claim stands. AWAITING_PROOF and IN_REVIEW are open; APPROVED and REJECTED are decided. */
public enum ClaimStatus {
    AWAITING_PROOF, IN_REVIEW, APPROVED, REJECTED;

    public boolean open() {
        return this == AWAITING_PROOF || this == IN_REVIEW;
    }
}
