package io.shiporskip.api.account.service;

import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.model.TokenClaims;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Signs access tokens: RS256, {@code sub} = account id, {@code iat}, {@code groups}, and a maker's {@code tools}.
 * {@code iat} is what revocation compares ({@link RevokedTokens}): a token issued before the account's
 * {@code tokens_valid_after} is refused.
 */
@ApplicationScoped
public class TokenService {

    private final ApiConfig.Jwt config;
    private final JwtKeys keys;

    public TokenService(ApiConfig apiConfig, JwtKeys keys) {
        ApiConfig.Jwt config = apiConfig.jwt();
        this.config = config;
        this.keys = keys;
    }

    /**
     * {@code deviceToken}: the device token of this sign-in (send it back with the next one); OWASP device cookies,
     * see README's Security section.
     */
    public record AccessToken(String accessToken, String tokenType, long expiresIn, String deviceToken) {

        @Override
        public String toString() {
            return "AccessToken[expiresIn=" + expiresIn + "]"; // neither token reaches a log line
        }
    }

    /** {@code validAfter}: the account's last revocation (null if none); the token's iat is never before it. */
    public AccessToken issue(long accountId, boolean admin, List<String> ownedSlugs, OffsetDateTime validAfter,
            String deviceToken) {
        long lifetime = config.lifetime().toSeconds();
        long issuedAt = Instant.now().getEpochSecond();
        if (validAfter != null) {
            // A revocation is rounded up to the next whole second; a token signed in that same second still works.
            issuedAt = Math.max(issuedAt, validAfter.toEpochSecond());
        }
        String token = Jwt.issuer(config.issuer())
                .subject(Long.toString(accountId))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt + lifetime)
                .groups(new LinkedHashSet<>(AccountService.roles(admin, ownedSlugs)))
                .claim(TokenClaims.TOOLS, ownedSlugs)
                .jws().algorithm(SignatureAlgorithm.RS256).keyId(keys.pair().keyId())
                .sign(); // the key at smallrye.jwt.sign.key.location, checked by JwtKeys at startup
        return new AccessToken(token, "Bearer", lifetime, deviceToken);
    }

    /**
     * The {@code tokens_valid_after} of a revocation made now: the next whole second (iat has second granularity, so
     * every token issued up to now has an earlier iat, and every later one is issued at or after it).
     */
    public static OffsetDateTime revocationNow() {
        Instant now = Instant.now();
        Instant rounded = now.truncatedTo(ChronoUnit.SECONDS);
        return OffsetDateTime.ofInstant(rounded.equals(now) ? rounded : rounded.plusSeconds(1), ZoneOffset.UTC);
    }
}
