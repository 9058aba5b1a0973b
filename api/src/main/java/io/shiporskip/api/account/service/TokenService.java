package io.shiporskip.api.account.service;

import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.model.TokenClaims;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Signs access tokens: RS256, {@code sub} = account id, {@code groups}, and a maker's {@code tools}. */
@ApplicationScoped
public class TokenService {

    private final ApiConfig.Jwt config;
    private final JwtKeys keys;

    public TokenService(ApiConfig apiConfig, JwtKeys keys) {
        ApiConfig.Jwt config = apiConfig.jwt();
        this.config = config;
        this.keys = keys;
    }

    public record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }

    public AccessToken issue(long accountId, boolean admin, List<String> ownedSlugs) {
        long lifetime = config.lifetime().toSeconds();
        String token = Jwt.issuer(config.issuer())
                .subject(Long.toString(accountId))
                .groups(new LinkedHashSet<>(AccountService.roles(admin, ownedSlugs)))
                .claim(TokenClaims.TOOLS, ownedSlugs)
                .expiresIn(lifetime)
                .jws().algorithm(SignatureAlgorithm.RS256).keyId(keys.pair().keyId())
                .sign(); // the key at smallrye.jwt.sign.key.location, checked by JwtKeys at startup
        return new AccessToken(token, "Bearer", lifetime);
    }

}
