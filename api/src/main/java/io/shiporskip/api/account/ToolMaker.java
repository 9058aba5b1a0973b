package io.shiporskip.api.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A maker's ownership of a tool, granted by an editor. */
@Entity
@Table(name = "tool_maker")
public class ToolMaker extends AccountToolLink {

    @Column(name = "granted_at", nullable = false)
    public OffsetDateTime grantedAt;
}
