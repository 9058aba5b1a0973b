package io.shiporskip.badge.stats;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.contract.InvalidRequests;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production key path: no SHIPORSKIP_JWT_PUBLIC_KEY, so keys come from api's JWK Set
 * ({shiporskip.api.url}/api/auth/jwks.json, here WireMock). The service starts and serves badges while that
 * document is unavailable, refuses tokens meanwhile, and accepts them once api publishes its key.
 */
@QuarkusTest
@TestProfile(StatsJwksTest.FromApiJwks.class)
@WithTestResource(BadgeTestResources.class)
class StatsJwksTest {

    static final String JWKS = "/api/auth/jwks.json";

    public static class FromApiJwks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The same default as application.properties has outside %test.
            String location = "${shiporskip.api.url}" + JWKS;
            return Map.of("mp.jwt.verify.publickey.location", location, "%test.mp.jwt.verify.publickey.location", location);
        }
    }

    @Test
    @InvalidRequests("no token, and forged and expired ones")
    void startsWithoutApiThenVerifiesWithItsJwks() throws Exception {
        var api = BadgeTestResources.wireMock();
        String slug = "stats-jwks-tool";
        Fixtures.stub(Fixtures.ship(slug, "Stats JWKS Tool"));
        String route = "/api/makers/tools/" + slug + "/stats";

        // api is not publishing keys yet: we are up (this test runs), badges answer, tokens cannot be checked.
        api.stubFor(get(urlEqualTo(JWKS)).willReturn(aResponse().withStatus(503)));
        given().get("/api/badge/" + slug).then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.maker(slug)).get(route)
                .then().statusCode(401).contentType(startsWith("application/problem+json"));

        api.stubFor(get(urlEqualTo(JWKS)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(jwks("test"))));
        given().header("Authorization", "Bearer " + TestTokens.maker(slug)).get(route).then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.admin()).get(route).then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.maker("stats-jwks-other")).get(route).then().statusCode(403);
        given().header("Authorization", "Bearer " + TestTokens.forgedAdmin()).get(route).then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.expiredMaker(slug)).get(route).then().statusCode(401);
        given().get(route).then().statusCode(401);

        // The key set is cached, not fetched per request.
        int fetches = api.findAll(getRequestedFor(urlEqualTo(JWKS))).size();
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", "Bearer " + TestTokens.admin()).get(route).then().statusCode(200);
        }
        assertEquals(fetches, api.findAll(getRequestedFor(urlEqualTo(JWKS))).size());
    }

    /** api's JWK Set document for its dev public key, as api's JwtKeys writes it. */
    static String jwks(String kid) throws Exception {
        String pem;
        try (InputStream in = StatsJwksTest.class.getClassLoader().getResourceAsStream("dev-jwt-public.pem")) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        }
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\"" + b64(key.getModulus())
                + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\"}]}";
    }

    static String b64(BigInteger v) {
        byte[] bytes = v.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length); // unsigned, as JWK wants
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
