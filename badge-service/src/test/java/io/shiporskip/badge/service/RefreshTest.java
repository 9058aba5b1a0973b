package io.shiporskip.badge.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.model.VerdictDecision;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a short refresh-after-write: refreshes ask api with If-None-Match and keep the verdict on 304. */
@QuarkusTest
@TestProfile(RefreshTest.ShortRefresh.class)
@WithTestResource(BadgeTestResources.class)
class RefreshTest {

    public static class ShortRefresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shiporskip.verdict-cache.refresh-after", "200ms");
        }
    }

    static String badge(String slug) {
        return given().get("/api/badge/" + slug).then().statusCode(200).extract().asString();
    }

    @Test
    void refreshIsConditionalAndPicksUpChangesWithoutANotify() throws InterruptedException {
        String slug = "refresh-tool";
        String url = "/api/tools/" + slug + "/verdict";
        Fixtures.stub(Fixtures.verdict(slug, "Refresh Tool", VerdictDecision.SHIP, 3, 0, "1"));
        // While the version is unchanged api answers 304 to a conditional request.
        BadgeTestResources.wireMock().stubFor(get(urlEqualTo(url)).withHeader("If-None-Match", equalTo("\"1\""))
                .atPriority(1).willReturn(aResponse().withStatus(304).withHeader("ETag", "\"1\"")));
        assertTrue(badge(slug).contains("3 ships"));

        assertTrue(Fixtures.eventually(5_000, () -> {
            badge(slug);
            return !BadgeTestResources.wireMock().findAll(getRequestedFor(urlEqualTo(url))
                    .withHeader("If-None-Match", equalTo("\"1\""))).isEmpty();
        }), "a refresh sent If-None-Match with the cached version");
        // After 304s the cached verdict is still served.
        assertTrue(badge(slug).contains("3 ships"));

        // The verdict changes: the conditional request now gets the new one (no NOTIFY involved).
        BadgeTestResources.wireMock().resetMappings();
        Fixtures.stub(Fixtures.verdict(slug, "Refresh Tool", VerdictDecision.SKIP, 0, 3, "2"));
        assertTrue(Fixtures.eventually(5_000, () -> badge(slug).contains("0 ships")), "refresh picked up version 2");
    }
}
