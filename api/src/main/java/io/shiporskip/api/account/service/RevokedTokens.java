package io.shiporskip.api.account.service;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one place a signed, unexpired access token can still be refused: its account is gone, or the token was issued
 * ({@code iat}) before the account's last revocation ({@code tokens_valid_after}: a password reset or change, the
 * address taken back by its owner). One primary-key read per authenticated request, so a revocation holds at once on
 * every api copy; badge-service asks {@code GET /api/me}, which answers 401 for such a token.
 */
@ApplicationScoped
public class RevokedTokens implements SecurityIdentityAugmentor {

    private final Pool pool;

    public RevokedTokens(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        long accountId;
        try {
            accountId = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not one of our accounts"));
        }
        long issuedAt = jwt.getIssuedAtTime();
        return pool.preparedQuery("SELECT tokens_valid_after FROM catalog.account WHERE id = $1")
                .execute(Tuple.of(accountId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new AuthenticationFailedException("the account no longer exists");
                    }
                    Row row = rows.iterator().next();
                    OffsetDateTime validAfter = row.getOffsetDateTime(0);
                    if (validAfter != null && issuedAt < validAfter.toEpochSecond()) {
                        throw new AuthenticationFailedException("the token was revoked");
                    }
                    return identity;
                });
    }
}
