package io.shiporskip.api.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A tool a reader saved; listed newest first (highest id first). */
@Entity
@Table(name = "bookmark")
public class Bookmark extends AccountToolLink {

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
