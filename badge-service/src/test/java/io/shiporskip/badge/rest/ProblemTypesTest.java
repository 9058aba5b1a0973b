package io.shiporskip.badge.rest;

import io.shiporskip.model.ProblemTypes;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.contract.InvalidRequests;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every kind of error badge-service answers carries its stable type, the same scheme and codes as api's. */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class ProblemTypesTest {

    static void problem(ValidatableResponse response, int status, String code) {
        response.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:shiporskip:problem:" + code))
                .body("status", equalTo(status));
    }

    @Test
    void unknownToolIsNotFoundAndApiDownIsUnavailable() {
        Fixtures.stubUnknown("types-ghost");
        problem(given().get("/api/badge/types-ghost/shields.json").then(), 404, "not-found");
        problem(given().accept("application/problem+json").get("/api/badge/types-ghost").then(), 404, "not-found");
        problem(given().accept("application/problem+json").get("/embed/types-ghost").then(), 404, "not-found");
        problem(given().redirects().follow(false).get("/api/badge-click/types-ghost").then(), 404, "not-found");
        Fixtures.stubDown("types-down");
        problem(given().get("/api/badge/types-down/snippets").then(), 503, "unavailable");
        problem(given().accept("application/problem+json").get("/api/badge/types-down").then(), 503, "unavailable");
    }

    @Test
    @InvalidRequests("a malformed slug, an unknown style, an Accept no route answers, no token, a foreign token")
    void everyKindHasItsCode() {
        problem(given().get("/api/badge/Bad_Slug/snippets").then(), 400, "invalid-request");
        problem(given().accept("application/problem+json").get("/api/badge/types-any?style=fancy").then(), 400, "invalid-request");
        Fixtures.stub(Fixtures.ship("types-tool", "Types Tool"));
        problem(given().accept("image/png").get("/api/badge/types-tool/shields.json").then(), 406, "not-acceptable");
        problem(given().get("/api/makers/tools/types-tool/stats").then(), 401, "unauthenticated");
        problem(given().header("Authorization", "Bearer " + readerToken())
                .get("/api/makers/tools/types-tool/stats").then(), 403, "forbidden");
        problem(given().get("/no/such/route").then(), 404, "not-found");
    }

    /** A reader's token as api signs it (its dev key): valid, but no maker of anything. */
    static String readerToken() {
        try (InputStream in = ProblemTypesTest.class.getClassLoader().getResourceAsStream("dev-jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return Jwt.issuer("https://shiporskip.example/issuer").subject("7").groups(Set.of("reader"))
                    .expiresIn(600).sign(key);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
