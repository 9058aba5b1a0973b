package io.shiporskip.api.tool.entity;

import io.shiporskip.model.ReviewDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A reader's community vote on a tool; at most one per (account, tool). Written with single upsert and delete
 * statements ({@code VoteRepository}); the tool's community counts move by the same delta in that transaction.
 */
@Entity
@Table(name = "vote")
public class Vote {

    @Id
    public Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public long accountId;

    @Column(name = "tool_id", nullable = false, updatable = false)
    public long toolId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewDecision decision;

    @Column(name = "voted_at", nullable = false)
    public OffsetDateTime votedAt;
}
