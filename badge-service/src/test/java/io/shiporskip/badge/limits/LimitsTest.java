package io.shiporskip.badge.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LimitsTest {

    /** The default of shiporskip.counting.image-proxy-networks. */
    static final List<String> GITHUB = List.of("192.30.252.0/22", "185.199.108.0/22", "140.82.112.0/20", "143.55.64.0/20",
            "2a0a:a440::/29", "2606:50c0::/32");

    @Test
    void networksMatchLiteralAddressesOnly() {
        Networks github = Networks.parse(GITHUB);
        assertTrue(github.contains("140.82.115.4"));
        assertTrue(github.contains("140.82.127.255"));
        assertFalse(github.contains("140.82.128.0"));
        assertTrue(github.contains("192.30.255.1"));
        assertFalse(github.contains("192.30.251.255"));
        assertTrue(github.contains("2606:50c0:8000::154"));
        assertTrue(github.contains("[2606:50c0::1]"));
        assertTrue(github.contains("2a0a:a447:ffff::1")); // inside /29
        assertFalse(github.contains("2a0a:a448::1"));
        assertTrue(github.contains("::ffff:185.199.108.153")); // IPv4-mapped
        assertFalse(github.contains("127.0.0.1"));
        assertFalse(github.contains("203.0.113.9"));
        // Never resolved: a host name (even one that might resolve into the ranges) does not match.
        assertFalse(github.contains("camo.githubusercontent.com"));
        assertFalse(github.contains(""));
        assertFalse(github.contains(null));
        assertFalse(github.contains("140.82.115.4.evil"));

        Networks one = Networks.parse(List.of(" 10.1.2.3 ", "", "fd00::/8"));
        assertTrue(one.contains("10.1.2.3"));
        assertFalse(one.contains("10.1.2.4"));
        assertTrue(one.contains("fd12::1"));
        assertFalse(Networks.parse(List.of()).contains("10.1.2.3"));
        assertTrue(Networks.parse(List.of("0.0.0.0/0")).contains("8.8.8.8"));
    }

    @Test
    void malformedNetworksAreRefused() {
        for (String bad : new String[] {"140.82.112.0/33", "2606:50c0::/129", "140.82.112.0/x", "github.com/20", "1.2.3/8", "140.82.112.0/-1"}) {
            assertThrows(IllegalArgumentException.class, () -> Networks.parse(List.of(bad)), bad);
        }
    }

    @Test
    void minuteBudgetsAreIndependentPerKeyAndPerBudget() {
        MinuteBudgets<String> budgets = new MinuteBudgets<>(100);
        for (int i = 0; i < 3; i++) {
            assertTrue(budgets.take("a", MinuteBudgets.FIRST, 3));
        }
        assertFalse(budgets.take("a", MinuteBudgets.FIRST, 3));
        assertTrue(budgets.take("a", MinuteBudgets.SECOND, 1));
        assertFalse(budgets.take("a", MinuteBudgets.SECOND, 1));
        assertTrue(budgets.take("b", MinuteBudgets.FIRST, 3));
        assertFalse(budgets.take("c", MinuteBudgets.FIRST, 0));
    }

    @Test
    void minuteBudgetsKeepBoundedMemory() {
        MinuteBudgets<Integer> budgets = new MinuteBudgets<>(50);
        for (int i = 0; i < 10_000; i++) {
            budgets.take(i, MinuteBudgets.FIRST, 1);
        }
        // Caffeine evicts in its maintenance cycles: give it a moment.
        long deadline = System.currentTimeMillis() + 5_000;
        while (budgets.size() > 50 && System.currentTimeMillis() < deadline) {
            budgets.take(-1, MinuteBudgets.FIRST, 1);
            Thread.onSpinWait();
        }
        assertTrue(budgets.size() <= 50, "tracked keys: " + budgets.size());
    }

    @Test
    void logThrottleLetsOneLineThroughPerIntervalAndCountsTheRest() {
        LogThrottle throttle = new LogThrottle(60_000);
        assertEquals(0, throttle.admit());
        for (int i = 0; i < 5; i++) {
            assertEquals(-1, throttle.admit());
        }
        LogThrottle always = new LogThrottle(0);
        assertEquals(0, always.admit());
        assertEquals(0, always.admit());
    }
}
