package io.shiporskip.badge;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shiporskip.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;

/**
 * A fresh real PostgreSQL database for badge-service and a WireMock HTTP server standing in for api.
 * Tests reach both through the static accessors.
 */
public class BadgeTestResources implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "shiporskip_badge_test";
    public static final String SITE = "https://site.example";
    public static final String PUBLIC = "https://badges.example";

    private static volatile WireMockServer wireMock;
    private static volatile TestDatabase.Coordinates database;

    @Override
    public Map<String, String> start() {
        database = TestDatabase.freshDatabase(DATABASE);
        wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        Map<String, String> props = new HashMap<>(database.quarkusProperties());
        props.put("shiporskip.api.url", "http://127.0.0.1:" + wireMock.port());
        props.put("shiporskip.site.base-url", SITE);
        props.put("shiporskip.badge.public-url", PUBLIC);
        return props;
    }

    @Override
    public void stop() {
        if (wireMock != null) {
            wireMock.stop();
        }
    }

    public static WireMockServer wireMock() {
        return wireMock;
    }

    public static TestDatabase.Coordinates database() {
        return database;
    }
}
