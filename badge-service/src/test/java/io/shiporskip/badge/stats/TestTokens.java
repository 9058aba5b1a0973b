package io.shiporskip.badge.stats;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Tokens shaped like api's (RS256, sub, groups, tools, exp), signed with api's dev key from src/test/resources,
 * plus the broken ones a verifier must refuse.
 */
final class TestTokens {

    static final String ISSUER = "https://shiporskip.example/issuer";

    private TestTokens() {
    }

    static String reader() {
        return agreed(sign(devKey(), ISSUER, Set.of("reader"), List.of(), 3600), List.of("reader"), List.of());
    }

    static String maker(String... tools) {
        return agreed(sign(devKey(), ISSUER, Set.of("reader", "maker"), List.of(tools), 3600), List.of("reader", "maker"),
                List.of(tools));
    }

    static String admin() {
        return agreed(sign(devKey(), ISSUER, Set.of("reader", "admin"), List.of(), 3600), List.of("reader", "admin"),
                List.of());
    }

    /** A reader whose tools claim names the slug but who is not in group maker (api never issues this). */
    static String readerListingTool(String tool) {
        return agreed(sign(devKey(), ISSUER, Set.of("reader"), List.of(tool), 3600), List.of("reader"), List.of());
    }

    /** api's GET /api/me (WireMock) says the token holds these rights now, as it does for a token api just signed. */
    static String agreed(String token, List<String> roles, List<String> tools) {
        ApiRights.holds(token, roles, tools);
        return token;
    }

    /** The right maker, correctly signed, expired an hour ago. */
    static String expiredMaker(String tool) {
        return sign(devKey(), ISSUER, Set.of("reader", "maker"), List.of(tool), -3600);
    }

    /** Right issuer and groups, signed by a key api never had (src/test/resources/other-jwt-private.pem). */
    static String forgedAdmin() {
        return sign(key("other-jwt-private.pem"), ISSUER, Set.of("reader", "admin"), List.of(), 3600);
    }

    /** Signed with api's key but issued by someone else. */
    static String wrongIssuerAdmin() {
        return sign(devKey(), "https://evil.example/issuer", Set.of("reader", "admin"), List.of(), 3600);
    }

    static String sign(PrivateKey key, String issuer, Set<String> groups, List<String> tools, long expiresInSeconds) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(issuer).subject("42").groups(groups).claim("tools", tools)
                .issuedAt(Math.min(now, now + expiresInSeconds - 3600)).expiresAt(now + expiresInSeconds)
                .jws().keyId("test").sign(key);
    }

    static PrivateKey devKey() {
        return key("dev-jwt-private.pem");
    }

    static PrivateKey key(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
