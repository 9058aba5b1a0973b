package io.shiporskip.api.account.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.Now;
import io.shiporskip.api.platform.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The single-use, expiring links of {@code catalog.account_link}: a password reset, and the claim that gives an
 * address held by an unproved account to whoever reads its mail. Only the SHA-256 of a token is stored; expiry is
 * measured by {@link Now}. Every method runs in the caller's session or transaction.
 */
@ApplicationScoped
public class AccountLinks {

    public enum Purpose {
        RESET, CLAIM
    }

    /** A live link: whose it is, and what a claim carries from the later sign-up (null for a reset). */
    public record Link(long accountId, String passwordHash, String displayName) {
    }

    private final Now now;

    public AccountLinks(Now now) {
        this.now = now;
    }

    public Uni<String> issue(long accountId, Purpose purpose, String passwordHash, String displayName, Duration ttl) {
        String token = Tokens.generate();
        OffsetDateTime created = now.utc();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO catalog.account_link (token_hash, account_id, purpose, password_hash, display_name, created_at, expires_at)
                VALUES (:hash, :account, :purpose, :password, :name, :created, :expires)""")
                .setParameter("hash", Tokens.hash(token))
                .setParameter("account", accountId)
                .setParameter("purpose", purpose.name())
                .setParameter("password", passwordHash)
                .setParameter("name", displayName)
                .setParameter("created", created)
                .setParameter("expires", created.plus(ttl))
                .executeUpdate())
                .replaceWith(token);
    }

    /** The link if it is unused and unexpired, without using it (what the page shows); 400 naming token otherwise. */
    public Uni<Link> peek(String token, Purpose purpose) {
        if (!Tokens.wellFormed(token)) {
            return Uni.createFrom().failure(invalid());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT account_id, password_hash, display_name FROM catalog.account_link
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""", Object[].class)
                .setParameter("hash", Tokens.hash(token))
                .setParameter("purpose", purpose.name())
                .setParameter("now", now.utc())
                .getResultList())
                .map(AccountLinks::single);
    }

    /** Marks the link used (once, whoever asks at the same time) and answers it; 400 naming token when it is not live. */
    public Uni<Link> use(String token, Purpose purpose) {
        if (!Tokens.wellFormed(token)) {
            return Uni.createFrom().failure(invalid());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                UPDATE catalog.account_link SET used_at = :now
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                RETURNING account_id, password_hash, display_name""", Object[].class)
                .setParameter("hash", Tokens.hash(token))
                .setParameter("purpose", purpose.name())
                .setParameter("now", now.utc())
                .getResultList())
                .map(AccountLinks::single);
    }

    private static Link single(List<Object[]> rows) {
        if (rows.isEmpty()) {
            throw invalid();
        }
        Object[] row = rows.get(0);
        return new Link(((Number) row[0]).longValue(), (String) row[1], (String) row[2]);
    }

    static ApiProblem invalid() {
        return ApiProblem.badParameter("token", "is not a valid, unused and unexpired link");
    }
}
