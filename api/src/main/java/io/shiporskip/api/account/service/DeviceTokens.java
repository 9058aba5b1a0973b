package io.shiporskip.api.account.service;

import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.platform.Now;
import io.shiporskip.api.platform.Tokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * OWASP's device cookies: a successful sign-in hands the browser or app a random token bound to the account; a later
 * sign-in that presents it for the same account is throttled per device ({@link LoginThrottle#reserveForDevice}),
 * never by the account-wide ceiling that strangers can spend. Only the SHA-256 of a token is stored. A token ends
 * with its lifetime, and with every revocation of the account's tokens (reset, change, an address taken back).
 */
@ApplicationScoped
public class DeviceTokens {

    /** The cookie browsers keep it in (the JSON field is {@code deviceToken}). */
    public static final String COOKIE = "device_token";

    private final Pool pool;
    private final Now now;
    private final Duration ttl;

    public DeviceTokens(Pool pool, Now now, ApiConfig config) {
        this.pool = pool;
        this.now = now;
        this.ttl = config.accounts().deviceTokenTtl();
    }

    public Duration ttl() {
        return ttl;
    }

    /** Whether {@code token} is a live device token of the account with this (normalised) e-mail. */
    public Uni<Boolean> trusted(String token, String email) {
        if (!Tokens.wellFormed(token)) {
            return Uni.createFrom().item(false);
        }
        return pool.preparedQuery("""
                SELECT 1 FROM catalog.device_token d JOIN catalog.account a ON a.id = d.account_id
                WHERE d.token_hash = $1 AND a.email = $2 AND d.expires_at > $3
                  AND (a.tokens_valid_after IS NULL OR d.created_at >= a.tokens_valid_after)""")
                .execute(Tuple.of(Tokens.hash(token), email, now.utc()))
                .map(rows -> rows.size() > 0);
    }

    /** A new device token for the account. */
    public Uni<String> issue(long accountId) {
        String token = Tokens.generate();
        OffsetDateTime created = now.utc();
        // created_at is never before the account's last revocation, which is rounded up to the next second.
        return pool.preparedQuery("""
                INSERT INTO catalog.device_token (token_hash, account_id, created_at, expires_at)
                SELECT $1, a.id, greatest($3, a.tokens_valid_after), $4 FROM catalog.account a WHERE a.id = $2""")
                .execute(Tuple.of(Tokens.hash(token), accountId, created, created.plus(ttl)))
                .replaceWith(token);
    }
}
