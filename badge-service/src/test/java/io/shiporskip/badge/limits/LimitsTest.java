package io.shiporskip.badge.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.time.Instant;
import java.time.InstantSource;
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
        MinuteBudgets<String> budgets = new MinuteBudgets<>(100, InstantSource.system());
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
        MinuteBudgets<Integer> budgets = new MinuteBudgets<>(50, InstantSource.system());
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

    /** A clock a test moves by hand. */
    static final class ManualClock implements InstantSource {
        long millis = 1_764_000_000_000L;

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public long millis() {
            return millis;
        }
    }

    @Test
    void aWindowRestartsAMinuteAfterItStartedWhileTheClientKeepsLoading() {
        ManualClock clock = new ManualClock();
        MinuteBudgets<String> budgets = new MinuteBudgets<>(100, clock);
        // The finding: the first window started at Long.MIN_VALUE, now - start overflowed, and the budget never
        // came back while the client kept loading. Load every second for three minutes: 60 a window, every window.
        int counted = 0;
        for (int second = 0; second < 180; second++) {
            for (int i = 0; i < 2; i++) {
                if (budgets.take("client", MinuteBudgets.FIRST, 60)) {
                    counted++;
                }
            }
            clock.millis += 1_000;
        }
        assertEquals(180, counted, "60 in each of three windows");
    }

    @Test
    void theWindowBoundaryIsExactlyOneMinuteAfterTheFirstUse() {
        ManualClock clock = new ManualClock();
        MinuteBudgets<String> budgets = new MinuteBudgets<>(100, clock);
        assertTrue(budgets.take("a", MinuteBudgets.FIRST, 1));
        clock.millis += 59_999;
        assertFalse(budgets.take("a", MinuteBudgets.FIRST, 1), "one millisecond before the window ends");
        assertFalse(budgets.take("a", MinuteBudgets.SECOND, 0));
        clock.millis += 1;
        assertTrue(budgets.take("a", MinuteBudgets.FIRST, 1), "a new window, both budgets afresh");
        assertFalse(budgets.take("a", MinuteBudgets.FIRST, 1));
        // Idle for long (the entry may have expired): a fresh window either way.
        clock.millis += 10 * 60_000;
        assertTrue(budgets.take("a", MinuteBudgets.FIRST, 1));
    }

    @Test
    void clientsAreAddressesOrIpv6Slash64AndNetworksSlash24OrSlash48() {
        assertEquals("198.51.100.7", ClientKeys.client("198.51.100.7"));
        assertEquals("198.51.100.7", ClientKeys.client("::ffff:198.51.100.7"), "IPv4-mapped IPv6 is its IPv4 address");
        assertEquals("198.51.100.0/24", ClientKeys.network("198.51.100.7"));
        assertEquals("198.51.100.0/24", ClientKeys.network("::ffff:198.51.100.250"));
        assertEquals(ClientKeys.client("2001:db8:1:2::1"), ClientKeys.client("[2001:db8:1:2:ffff:ffff:ffff:ffff]"), "one /64");
        assertEquals(ClientKeys.client("2001:db8:1:2::1"), ClientKeys.client("2001:db8:1:2::1%eth0"));
        assertNotEquals(ClientKeys.client("2001:db8:1:2::1"), ClientKeys.client("2001:db8:1:3::1"));
        assertEquals(ClientKeys.network("2001:db8:1:2::1"), ClientKeys.network("2001:db8:1:ffff::1"), "one /48");
        assertNotEquals(ClientKeys.network("2001:db8:1::1"), ClientKeys.network("2001:db8:2::1"));
        assertEquals("unknown", ClientKeys.client("unknown"));
    }

    @Test
    void logThrottleLetsOneLineThroughPerIntervalAndCountsTheRest() {
        LogThrottle throttle = new LogThrottle(60_000);
        assertEquals(0, throttle.admit());
        for (int i = 0; i < 5; i++) {
            assertEquals(-1, throttle.admit());
        }
        // Across the interval's boundary, with a clock: the next line reports how many were held back.
        ManualClock clock = new ManualClock();
        LogThrottle timed = new LogThrottle(10_000, clock::millis);
        assertEquals(0, timed.admit());
        clock.millis += 9_999;
        assertEquals(-1, timed.admit());
        assertEquals(-1, timed.admit());
        clock.millis += 1;
        assertEquals(2, timed.admit(), "one line after the interval, naming the 2 held back");
        assertEquals(-1, timed.admit());
        LogThrottle always = new LogThrottle(0);
        assertEquals(0, always.admit());
        assertEquals(0, always.admit());
    }

    @Test
    void aTimeReadJustBeforeTheWindowOpenedNeverOpensANewOne() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_700_000_000_000L);
        java.time.InstantSource clock = () -> java.time.Instant.ofEpochMilli(now.get());
        MinuteBudgets<String> budgets = new MinuteBudgets<>(100, clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(budgets.take("network", MinuteBudgets.FIRST, 3));
        }
        // Another event-loop thread read the time a millisecond before this window opened, and takes now.
        now.addAndGet(-1);
        assertFalse(budgets.take("network", MinuteBudgets.FIRST, 3), "still the same window: its budget is spent");
        now.addAndGet(1 + 60_000);
        assertTrue(budgets.take("network", MinuteBudgets.FIRST, 3), "a minute after it opened, a new window");
    }
}
