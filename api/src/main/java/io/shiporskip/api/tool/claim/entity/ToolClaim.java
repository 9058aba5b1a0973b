package io.shiporskip.api.tool.claim.entity;

import io.shiporskip.api.tool.entity.Tool;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An account's claim to be a maker of a tool. Rows are inserted and moved between statuses by single conditional
 * statements (ClaimRepository), so simultaneous requests never overwrite each other's decision.
 */
@Entity
@Table(name = "tool_claim")
public class ToolClaim {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tool_id", nullable = false, updatable = false)
    public Tool tool;

    @Column(name = "account_id", nullable = false, updatable = false)
    public long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClaimStatus status;

    @Column(nullable = false, updatable = false)
    public String token;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "proved_by")
    public ProofMethod provedBy;

    public String reason;
}
