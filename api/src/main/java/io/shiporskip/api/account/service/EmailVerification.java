package io.shiporskip.api.account.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Proof that an account's owner reads the mail of its address: a single-use, expiring link. Only the SHA-256 of
 * the token is stored. Maker rights go only to proved addresses ({@link AccountService#requireByEmail}).
 */
@ApplicationScoped
public class EmailVerification {

    private final Duration ttl;

    public EmailVerification(ApiConfig config) {
        this.ttl = config.accounts().verifyTtl();
    }

    public Duration ttl() {
        return ttl;
    }

    /** A new link for the account, inside the caller's transaction; earlier links stay valid until they expire. */
    public Uni<String> issue(long accountId) {
        String token = Tokens.generate();
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO catalog.account_verification (token_hash, account_id, expires_at) VALUES (:hash, :account, :expires)")
                .setParameter("hash", Tokens.hash(token))
                .setParameter("account", accountId)
                .setParameter("expires", OffsetDateTime.now(ZoneOffset.UTC).plus(ttl))
                .executeUpdate())
                .replaceWith(token);
    }

    /** Marks the address proved and returns the account's e-mail; 400 naming {@code token} when it is not a live link. */
    @WithTransaction
    public Uni<String> verify(String token) {
        if (!Tokens.wellFormed(token)) {
            return Uni.createFrom().failure(invalid());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                UPDATE catalog.account_verification SET used_at = now()
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > now()
                RETURNING account_id""", Long.class)
                .setParameter("hash", Tokens.hash(token))
                .getResultList()
                .chain(accounts -> accounts.isEmpty() ? Uni.createFrom().failure(invalid())
                        : session.createNativeQuery("""
                                UPDATE catalog.account SET email_verified_at = coalesce(email_verified_at, now())
                                WHERE id = :account RETURNING email""", String.class)
                                .setParameter("account", accounts.get(0))
                                .getSingleResult()));
    }

    private static ApiProblem invalid() {
        return ApiProblem.badParameter("token", "is not a valid, unused and unexpired verification link");
    }
}
