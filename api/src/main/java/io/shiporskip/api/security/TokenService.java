package io.shiporskip.api.security;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Signs access tokens: RS256, {@code sub} = account id, {@code groups}, and a maker's {@code tools}. */
@ApplicationScoped
public class TokenService {

    private final JwtConfig config;
    private final JwtKeys keys;

    public TokenService(JwtConfig config, JwtKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    public record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }

    public AccessToken issue(long accountId, boolean admin, List<String> ownedSlugs) {
        long lifetime = config.lifetime().toSeconds();
        JwtKeys.Pair pair = keys.pair();
        String token = Jwt.issuer(config.issuer())
                .subject(Long.toString(accountId))
                .groups(groups(admin, ownedSlugs))
                .claim(Roles.TOOLS_CLAIM, ownedSlugs)
                .expiresIn(lifetime)
                .jws().algorithm(SignatureAlgorithm.RS256).keyId(pair.keyId())
                .sign(pair.privateKey());
        return new AccessToken(token, "Bearer", lifetime);
    }

    static Set<String> groups(boolean admin, List<String> ownedSlugs) {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(Roles.READER);
        if (!ownedSlugs.isEmpty()) {
            groups.add(Roles.MAKER);
        }
        if (admin) {
            groups.add(Roles.ADMIN);
        }
        return groups;
    }
}
