package io.shiporskip.api.account;

import io.shiporskip.model.ReviewDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A reader's community vote on a tool; at most one per (account, tool). */
@Entity
@Table(name = "vote")
public class Vote extends AccountToolLink {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewDecision decision;

    @Column(name = "voted_at", nullable = false)
    public OffsetDateTime votedAt;
}
