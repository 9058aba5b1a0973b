package io.shiporskip.badge.stats;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.shiporskip.badge.AbuseLimitsProfile;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.TestClock;
import io.shiporskip.badge.counting.BadgeEventCounter;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: caps follow networks, not addresses. A client is an IPv4 address or an IPv6 /64; a network (IPv4 /24,
 * IPv6 /48) has a ceiling of {@link AbuseLimitsProfile#NETWORK_IMPRESSIONS} impressions and
 * {@link AbuseLimitsProfile#NETWORK_CLICKS} clicks per tool a minute. Windows are crossed with {@link TestClock}.
 */
@QuarkusTest
@TestProfile(AbuseLimitsProfile.class)
@WithTestResource(BadgeTestResources.class)
class NetworkCapsTest {

    static final int CAP = AbuseLimitsProfile.IMPRESSIONS;
    static final int NETWORK_CAP = AbuseLimitsProfile.NETWORK_IMPRESSIONS;

    @Inject
    BadgeEventCounter counter;

    @Inject
    TestClock clock;

    static RequestSpecification from(String address) {
        return given().redirects().follow(false).header("X-Forwarded-For", address).header("User-Agent", StatsNumbersTest.BROWSER);
    }

    JsonPath statsAfter(String slug, long events) throws InterruptedException {
        assertTrue(Fixtures.eventually(10_000, () -> StatsNumbersTest.total(slug) >= events), "flushed within 10 s");
        counter.flush().await().indefinitely();
        assertEquals(events, StatsNumbersTest.total(slug), "every request served is stored, counted or discarded");
        return StatsNumbersTest.stats(slug, "");
    }

    @Test
    void manyAddressesOfOneSlash24GetTheNetworksCeilingThenANewWindow() throws InterruptedException {
        String slug = "slash24-tool";
        Fixtures.stub(Fixtures.ship(slug, "Slash 24 Tool"));
        // The attack: 50 addresses of one /24, each within its own client cap.
        for (int host = 1; host <= 50; host++) {
            for (int i = 0; i < CAP; i++) {
                from("192.0.2." + host).get("/api/badge/" + slug).then().statusCode(200);
            }
        }
        for (int host = 1; host <= 50; host++) {
            from("192.0.2." + host).header("Sec-Fetch-Mode", "navigate").get("/api/badge-click/" + slug).then().statusCode(302);
        }
        // Another /24 next door is another network.
        from("192.0.3.1").get("/api/badge/" + slug).then().statusCode(200);
        // A minute later the network's ceiling is back.
        clock.advance(Duration.ofSeconds(61));
        from("192.0.2.77").get("/api/badge/" + slug).then().statusCode(200);

        long loads = 50L * CAP + 50 + 2;
        JsonPath json = statsAfter(slug, loads);
        assertEquals(NETWORK_CAP + 1 + 1, json.getLong("totals.humanImpressions"), "the /24's ceiling, the next /24, the next window");
        assertEquals(AbuseLimitsProfile.NETWORK_CLICKS, json.getLong("totals.clicks"));
        HonestNumbersTest.assertDiscards(json, "totals", 0, 50L * CAP - NETWORK_CAP + 50 - AbuseLimitsProfile.NETWORK_CLICKS, 0, 0);
    }

    @Test
    void bracketedIpv6AddressesFromAProxyAreReadersOfTheirOwn() throws InterruptedException {
        String slug = "bracketed-v6-tool";
        Fixtures.stub(Fixtures.ship(slug, "Bracketed V6 Tool"));
        // The bracketed form (RFC 7239's) once left no host address: every such reader was the one client "unknown".
        for (int i = 0; i < CAP; i++) {
            from("[2001:db8:41::1]").get("/api/badge/" + slug).then().statusCode(200);
            from("[2001:db8:42::1]").get("/api/badge/" + slug).then().statusCode(200);
        }
        JsonPath json = statsAfter(slug, 2 * CAP);
        assertEquals(2 * CAP, json.getLong("totals.humanImpressions"), "two readers on two networks, each within its cap");
    }

    @Test
    void oneIpv6Slash64IsOneClientAndOneSlash48OneNetwork() throws InterruptedException {
        String slug = "slash64-tool";
        Fixtures.stub(Fixtures.ship(slug, "Slash 64 Tool"));
        // 30 addresses of one /64: one client, whatever the interface identifier.
        for (int i = 1; i <= 30; i++) {
            from("2001:db8:20:1::" + Integer.toHexString(i)).get("/api/badge/" + slug).then().statusCode(200);
        }
        // 10 more /64s of the same /48, two loads each: each within its client cap, but the /48 has one ceiling (the
        // first /64 already took CAP of it).
        for (int net = 2; net <= 11; net++) {
            for (int i = 0; i < 2; i++) {
                from("2001:db8:20:" + Integer.toHexString(net) + "::1").get("/api/badge/" + slug).then().statusCode(200);
            }
        }
        // An IPv4-mapped address is its IPv4 address: one client with the plain one.
        for (int i = 0; i < CAP; i++) {
            from("198.51.100.150").get("/api/badge/" + slug).then().statusCode(200);
        }
        from("::ffff:198.51.100.150").get("/api/badge/" + slug).then().statusCode(200);

        JsonPath json = statsAfter(slug, 30 + 20 + CAP + 1);
        long v6Counted = Math.min(NETWORK_CAP, CAP + 20);
        assertEquals(v6Counted + CAP, json.getLong("totals.humanImpressions"));
        HonestNumbersTest.assertDiscards(json, "totals", 30 - CAP + 1, CAP + 20 - v6Counted, 0, 0);
    }

    @Test
    void verifiedCamoLoadsStayUncappedWhateverTheNetwork() throws InterruptedException {
        String slug = "camo-uncapped-tool";
        Fixtures.stub(Fixtures.ship(slug, "Camo Uncapped Tool"));
        for (int i = 0; i < NETWORK_CAP + 5; i++) {
            given().header("X-Forwarded-For", "140.82.115.4").header("User-Agent", "github-camo (876de43e)").get("/api/badge/" + slug)
                    .then().statusCode(200);
        }
        JsonPath json = statsAfter(slug, NETWORK_CAP + 5);
        assertEquals(NETWORK_CAP + 5, json.getLong("totals.badge.githubCamo"));
        assertEquals(0, json.getLong("totals.discarded"));
    }

    @Test
    void theLookupBudgetForNeverSeenSlugsComesBackAfterAMinuteAndFollowsTheSlash64() {
        // One /64, many addresses: one budget of LOOKUPS api calls a minute.
        for (int i = 0; i < 3 * AbuseLimitsProfile.LOOKUPS; i++) {
            Fixtures.stubUnknown("win-lookup-" + i);
            from("2001:db8:30:1::" + Integer.toHexString(i + 1)).get("/api/badge/win-lookup-" + i).then().statusCode(404);
        }
        assertEquals(AbuseLimitsProfile.LOOKUPS, apiCalls("/api/tools/win-lookup-.*/verdict"));
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 3 * AbuseLimitsProfile.LOOKUPS; i++) {
            Fixtures.stubUnknown("win-again-" + i);
            from("2001:db8:30:1::1").get("/api/badge/win-again-" + i).then().statusCode(404);
        }
        assertEquals(AbuseLimitsProfile.LOOKUPS, apiCalls("/api/tools/win-again-.*/verdict"), "a new window, a new budget");
    }

    static int apiCalls(String urlRegex) {
        return BadgeTestResources.wireMock().findAll(getRequestedFor(urlMatching(urlRegex))).size();
    }
}
