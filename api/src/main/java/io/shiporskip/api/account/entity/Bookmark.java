package io.shiporskip.api.account.entity;

import io.shiporskip.api.tool.entity.Tool;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A tool a reader saved; listed newest first (highest id first). Written by {@code AccountToolLinks}. */
@Entity
@Table(name = "bookmark")
public class Bookmark {

    @Id
    public Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public long accountId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tool_id", nullable = false, updatable = false)
    public Tool tool;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
