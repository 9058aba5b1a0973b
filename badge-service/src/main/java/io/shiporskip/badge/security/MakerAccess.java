package io.shiporskip.badge.security;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.shiporskip.badge.client.AccountApiClient;
import io.shiporskip.badge.client.AccountRights;
import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.limits.LogThrottle;
import io.shiporskip.badge.rest.ProblemException;
import io.shiporskip.model.TokenClaims;
import io.shiporskip.model.ToolRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Who may read a tool's statistics: an admin, or a maker of the tool — as api's database says now, not as the token
 * says. A token's {@code tools} claim is what was true when api signed it, up to an hour earlier; a revoked maker,
 * a disabled account or a token api has revoked would keep reading with it. So the caller's rights are asked of api
 * ({@code GET /api/me} with the caller's own token) and kept per token for {@code shiporskip.makers.rights-ttl}
 * (default 5 s): that TTL is how long a revocation may take to reach each badge-service copy, and it bounds api calls
 * to one per token per TTL (concurrent requests share one call). The key is a SHA-256 of the token, never the token.
 * <p>
 * Fail closed: when api cannot be asked (down, slow, a 5xx) the request is a 503 — never rights older than the TTL.
 * api refusing the token (401, or 404 for an account that is gone) is a 401 here too; both answers are cached for the
 * TTL like rights are, failures are not.
 */
@ApplicationScoped
public class MakerAccess {

    /** What api said about a token: its rights, or that it no longer accepts it (the constants are compared by identity). */
    private record Answer(boolean accepted, boolean admin, Set<String> tools) {

        static final Answer REFUSED = new Answer(false, false, Set.of());
        /** api could not be asked: completes the load so Caffeine logs nothing, then is removed, never served. */
        static final Answer UNAVAILABLE = new Answer(false, false, Set.of());

        static Answer of(AccountRights rights) {
            return new Answer(true, rights.roles().contains(TokenClaims.ADMIN),
                    rights.roles().contains(TokenClaims.MAKER)
                            ? rights.tools().stream().map(ToolRef::slug).collect(Collectors.toUnmodifiableSet())
                            : Set.of());
        }
    }

    private static final int RETRY_AFTER_SECONDS = 5;

    private final AccountApiClient api;
    private final AsyncCache<String, Answer> rights;
    private final LogThrottle unavailableLog = new LogThrottle(10_000);

    public MakerAccess(@RestClient AccountApiClient api, BadgeConfig config, @RightsClock Ticker ticker,
            MeterRegistry registry) {
        this.api = api;
        this.rights = Caffeine.newBuilder()
                .expireAfterWrite(config.makers().rightsTtl())
                .maximumSize(config.makers().rightsMaxTokens())
                .ticker(ticker)
                .recordStats()
                .buildAsync();
        CaffeineCacheMetrics.monitor(registry, rights, "maker-rights");
    }

    /**
     * Completes when the caller may read the tool's statistics; fails with 403 (no right), 401 (api no longer accepts
     * the token) or a 503 problem (api could not be asked).
     */
    public Uni<Void> checkMayReadStats(SecurityIdentity identity, String slug) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getRawToken() == null) {
            return Uni.createFrom().failure(new UnauthorizedException());
        }
        // The token's groups gate first (api never made a token without them): a reader is refused without a call.
        if (!identity.hasRole(TokenClaims.ADMIN) && !identity.hasRole(TokenClaims.MAKER)) {
            return Uni.createFrom().failure(new ForbiddenException("not a maker of this tool"));
        }
        String token = jwt.getRawToken();
        String key = digest(token);
        CompletableFuture<Answer> asked = rights.get(key, (k, executor) -> ask(token));
        return Uni.createFrom().completionStage(asked).map(answer -> {
            if (answer == Answer.UNAVAILABLE) {
                rights.asMap().remove(key, asked); // the next request asks again
                throw new ProblemException(503, "Cannot check your maker rights with api right now; try again shortly",
                        RETRY_AFTER_SECONDS);
            }
            if (!answer.accepted()) {
                throw new UnauthorizedException("api no longer accepts this token");
            }
            if (!answer.admin() && !answer.tools().contains(slug)) {
                Log.debugf("stats of %s refused to account %s", slug, jwt.getName());
                throw new ForbiddenException("not a maker of this tool");
            }
            return null;
        });
    }

    private CompletableFuture<Answer> ask(String token) {
        return api.me("Bearer " + token)
                .map(Answer::of)
                .onFailure(MakerAccess::isRefusal).recoverWithItem(Answer.REFUSED)
                .onFailure().recoverWithItem(failure -> {
                    long held = unavailableLog.admit();
                    if (held >= 0) {
                        Log.warnf("maker rights: api could not be asked (%s), answering 503 (%d more held back)",
                                failure.toString(), held);
                    }
                    return Answer.UNAVAILABLE;
                })
                .subscribeAsCompletionStage();
    }

    /** api's 401 (token revoked, expired there, account disabled) and 404 (account gone): this token reads nothing. */
    private static boolean isRefusal(Throwable t) {
        return t instanceof WebApplicationException e
                && (e.getResponse().getStatus() == 401 || e.getResponse().getStatus() == 404);
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
