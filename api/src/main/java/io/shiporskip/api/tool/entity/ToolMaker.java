package io.shiporskip.api.tool.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A maker's ownership of a tool. Written by {@code AccountToolLinks}; read for the token's tools claim. */
@Entity
@Table(name = "tool_maker")
public class ToolMaker {

    @Id
    public Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public long accountId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tool_id", nullable = false, updatable = false)
    public Tool tool;

    @Column(name = "granted_at", nullable = false)
    public OffsetDateTime grantedAt;
}
