package io.shiporskip.api.account.entity;


import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Someone who signs in. The password hash never leaves this entity: responses are AccountViews. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Normalised (trimmed, lower-case) before it is stored or looked up. */
    @Column(nullable = false, unique = true, updatable = false)
    public String email;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public boolean admin;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** When the owner of the address followed the mailed link; null until then. */
    @Column(name = "email_verified_at")
    public OffsetDateTime emailVerifiedAt;

    /**
     * Access tokens issued (iat) before this whole second are refused: set when the password is reset or changed, or
     * the address is taken back from an unproved holder. Null: no revocation yet.
     */
    @Column(name = "tokens_valid_after")
    public OffsetDateTime tokensValidAfter;

    @Override
    public String toString() {
        return "Account#" + id; // never the hash, and no e-mail in logs
    }
}
