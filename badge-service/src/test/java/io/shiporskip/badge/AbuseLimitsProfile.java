package io.shiporskip.badge;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Small per-client limits, so the tests of issue 11 (caps, lookup budget) need a handful of requests, not hundreds.
 * Every test class with this profile shares one application start.
 */
public class AbuseLimitsProfile implements QuarkusTestProfile {

    public static final int IMPRESSIONS = 5;
    public static final int CLICKS = 3;
    public static final int LOOKUPS = 5;
    /** Per-network ceilings: four clients' worth, so a handful of addresses of one /24 or /48 reach them. */
    public static final int NETWORK_IMPRESSIONS = 4 * IMPRESSIONS;
    public static final int NETWORK_CLICKS = 4 * CLICKS;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "shiporskip.counting.client-impressions-per-minute", Integer.toString(IMPRESSIONS),
                "shiporskip.counting.client-clicks-per-minute", Integer.toString(CLICKS),
                "shiporskip.counting.network-impressions-per-minute", Integer.toString(NETWORK_IMPRESSIONS),
                "shiporskip.counting.network-clicks-per-minute", Integer.toString(NETWORK_CLICKS),
                "shiporskip.verdict-cache.client-lookups-per-minute", Integer.toString(LOOKUPS));
    }
}
