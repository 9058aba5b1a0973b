package io.shiporskip.badge.stats;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a revoked maker stops reading the statistics within the stated lag (shiporskip.makers.rights-ttl, 5 s by
 * default), whatever the token's tools claim says; the rights come from api's GET /api/me. The cache's clock is
 * {@link ManualTicker}: each boundary is an exact instant, no sleeps.
 */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class MakerRightsTest {

    static final Duration TTL = Duration.ofSeconds(5);
    static final Duration JUST_BEFORE = TTL.minusMillis(1);

    private String tool;

    @BeforeEach
    void apiKnowsTheTool() {
        tool = "rights-" + System.nanoTime();
        Fixtures.stub(Fixtures.ship(tool, "Rights Tool"));
    }

    private ValidatableResponse stats(String token) {
        return given().header("Authorization", "Bearer " + token).accept("application/json")
                .get("/api/makers/tools/" + tool + "/stats").then();
    }

    /** A token made for this test only (its own tools claim), so no other test's cached answer applies. */
    private String makerToken() {
        return TestTokens.maker(tool);
    }

    @Test
    void aRevokedMakerIsRefusedOnceTheRightsTtlHasPassed() {
        String token = makerToken();
        stats(token).statusCode(200).body("tool.slug", equalTo(tool));
        // An editor revokes the maker (DELETE /api/tools/{slug}/makers/{email}): api's GET /api/me no longer lists it.
        ApiRights.holds(token, List.of("reader"), List.of());
        ManualTicker.advance(JUST_BEFORE);
        stats(token).statusCode(200); // inside the stated lag: the answer api gave 4.999 s ago
        ManualTicker.advance(Duration.ofMillis(1));
        stats(token).statusCode(403).contentType(startsWith("application/problem+json")).body("status", equalTo(403));
        ManualTicker.advance(TTL.multipliedBy(3));
        stats(token).statusCode(403);
    }

    @Test
    void aTokenApiRefusesIsA401WithinTheLag() {
        String token = makerToken();
        stats(token).statusCode(200);
        // The password was changed or reset, or the account disabled: api refuses tokens issued before it.
        ApiRights.refuses(token);
        ManualTicker.advance(TTL);
        stats(token).statusCode(401).header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theTokensToolsClaimAloneGrantsNothing() {
        String token = makerToken();
        ApiRights.holds(token, List.of("reader", "maker"), List.of("some-other-tool"));
        stats(token).statusCode(403);
        // api says admin (promoted since the token was signed): api's answer counts, not the token's groups.
        String promoted = TestTokens.maker("rights-promoted-" + tool);
        ApiRights.holds(promoted, List.of("reader", "maker", "admin"), List.of());
        stats(promoted).statusCode(200);
    }

    @Test
    void apiDownIsA503NeverRightsOlderThanTheTtl() {
        String token = makerToken();
        stats(token).statusCode(200);
        ApiRights.fails(token);
        ManualTicker.advance(JUST_BEFORE);
        stats(token).statusCode(200); // still inside the TTL of api's last answer
        ManualTicker.advance(Duration.ofMillis(1));
        stats(token).statusCode(503).contentType(startsWith("application/problem+json"))
                .header("Retry-After", "5").header("Cache-Control", containsString("no-store"))
                .body("status", equalTo(503)).body("detail", containsString("maker rights"));
        // A failure is not remembered: the first request after api is back is answered, with no clock moved.
        ApiRights.holds(token, List.of("reader", "maker"), List.of(tool));
        stats(token).statusCode(200);
    }

    @Test
    void aTokenNeverSeenWhileApiFailsIsA503() {
        String token = makerToken();
        ApiRights.fails(token);
        stats(token).statusCode(503).header("Retry-After", "5");
    }

    @Test
    void apiIsAskedOncePerTokenPerTtl() {
        String token = makerToken();
        var api = BadgeTestResources.wireMock();
        int before = api.findAll(getRequestedFor(urlEqualTo("/api/me"))).size();
        for (int i = 0; i < 5; i++) {
            stats(token).statusCode(200);
        }
        assertEquals(before + 1, api.findAll(getRequestedFor(urlEqualTo("/api/me"))).size());
        ManualTicker.advance(TTL);
        stats(token).statusCode(200);
        assertEquals(before + 2, api.findAll(getRequestedFor(urlEqualTo("/api/me"))).size());
    }
}
