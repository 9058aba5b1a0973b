package io.shiporskip.api.tool.claim;

import static io.shiporskip.api.tool.claim.ProofSite.WELL_KNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiporskip.api.tool.claim.service.ProofFetcher;
import io.shiporskip.api.tool.claim.service.ProofFetcher.Fetched;
import io.shiporskip.api.tool.claim.service.ProofFetcher.Rules;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbound-fetch guard with production's settings (https only, public addresses only), which the api tests turn
 * off to reach their local servers: a real Vert.x client against a real local server, nothing stubbed.
 */
class ProofFetcherGuardTest {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static Fetched fetch(Rules rules, String url, String host) {
        return new ProofFetcher(vertx, rules).get(url, host).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void plainHttpIsRefusedWhenOnlyHttpsIsAllowed() throws Exception {
        try (ProofSite site = new ProofSite()) {
            site.at(WELL_KNOWN, ProofSite.text(200, "token"));
            Fetched fetched = fetch(new Rules(false, true, Duration.ofSeconds(2), 65536), site.origin() + WELL_KNOWN,
                    "127.0.0.1");
            assertEquals("is plain http; proofs are fetched only over https", fetched.failure());
            assertEquals(List.of(), site.requests);
        }
    }

    @Test
    void aPrivateAddressIsRefusedWhenOnlyPublicOnesAreAllowed() throws Exception {
        try (ProofSite site = new ProofSite()) {
            site.at(WELL_KNOWN, ProofSite.text(200, "token"));
            Fetched loopback = fetch(new Rules(true, false, Duration.ofSeconds(2), 65536), site.origin() + WELL_KNOWN,
                    "127.0.0.1");
            assertTrue(loopback.failure().startsWith("the host resolves to a non-public address (127.0.0.1)"),
                    loopback.failure());
            // A name is resolved and its address judged, not the name: localhost is loopback too.
            Fetched named = fetch(new Rules(true, false, Duration.ofSeconds(2), 65536),
                    "http://localhost:" + site.port() + WELL_KNOWN, "localhost");
            assertTrue(named.failure().contains("non-public address"), named.failure());
            assertEquals(List.of(), site.requests);
        }
    }

    @Test
    void withBothAllowedTheSameServerIsFetched() throws Exception {
        try (ProofSite site = new ProofSite()) {
            site.at(WELL_KNOWN, ProofSite.text(200, "token"));
            Fetched fetched = fetch(new Rules(true, true, Duration.ofSeconds(2), 65536), site.origin() + WELL_KNOWN,
                    "127.0.0.1");
            assertTrue(fetched.ok(), String.valueOf(fetched.failure()));
            assertEquals("token", fetched.body());
        }
    }

    @Test
    void onlyTheWebsitesHostIsFetched() {
        Fetched fetched = fetch(new Rules(true, true, Duration.ofSeconds(2), 65536), "http://127.0.0.2/", "127.0.0.1");
        assertEquals("is not on the tool's website host (127.0.0.1)", fetched.failure());
    }

    @Test
    void nonPublicAddressesAreRecognised() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fc00::1", "fd12:3456::1",
                "ff02::1", "::ffff:10.0.0.1", "::", "2001:db8::1")) {
            assertFalse(ProofFetcher.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8")) {
            assertTrue(ProofFetcher.isPublic(InetAddress.getByName(address)), address);
        }
    }
}
