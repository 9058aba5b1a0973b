package io.shiporskip.badge.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shiporskip.badge.config.BadgeConfig;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The aggregate on its own, with an in-memory sink: no loss under concurrency, retries, bounds. */
class BadgeEventCounterTest {

    static final class MemorySink implements CounterSink {
        final Map<CounterKey, Long> rows = new ConcurrentHashMap<>();
        final AtomicBoolean failing = new AtomicBoolean();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Uni<Void> add(java.util.List<Increment> increments) {
            calls.incrementAndGet();
            if (failing.get()) {
                return Uni.createFrom().failure(new IllegalStateException("database away"));
            }
            for (Increment inc : increments) {
                rows.merge(inc.key(), inc.n(), Long::sum);
            }
            return Uni.createFrom().voidItem();
        }

        long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static BadgeConfig config(int maxKeys, int batchRows) {
        return config(maxKeys, batchRows, maxKeys);
    }

    static BadgeConfig config(int maxKeys, int batchRows, int referrersPerTool) {
        BadgeConfig.Counting counting = new BadgeConfig.Counting() {
            public Duration flushInterval() {
                return Duration.ofSeconds(1);
            }

            public int maxPendingKeys() {
                return maxKeys;
            }

            public int batchRows() {
                return batchRows;
            }

            public Duration shutdownTimeout() {
                return Duration.ofSeconds(5);
            }

            public int clientImpressionsPerMinute() {
                return 60;
            }

            public int clientClicksPerMinute() {
                return 10;
            }

            public int networkImpressionsPerMinute() {
                return 600;
            }

            public int networkClicksPerMinute() {
                return 100;
            }

            public long maxTrackedClients() {
                return 1000;
            }

            public java.util.List<String> imageProxyNetworks() {
                return java.util.List.of();
            }

            public int maxReferrersPerTool() {
                return referrersPerTool;
            }
        };
        return (BadgeConfig) Proxy.newProxyInstance(BadgeConfig.class.getClassLoader(), new Class<?>[] {BadgeConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("counting")) {
                        return counting;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void concurrentIncrementsRacingWithFlushesAreNeverLost() throws Exception {
        MemorySink sink = new MemorySink();
        BadgeEventCounter counter = new BadgeEventCounter(sink, null, config(1000, 3), new SimpleMeterRegistry());
        int threads = 4;
        int perThread = 200_000;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    counter.record(EventKind.BADGE, "tool-" + (i % 5), Source.values()[id % 3], Placement.README, "");
                }
            });
            workers[t].start();
        }
        AtomicBoolean done = new AtomicBoolean();
        Thread flusher = new Thread(() -> {
            while (!done.get()) {
                counter.flush().await().indefinitely();
            }
        });
        flusher.start();
        for (Thread w : workers) {
            w.join();
        }
        done.set(true);
        flusher.join();
        counter.flush().await().indefinitely();
        assertEquals((long) threads * perThread, sink.total());
        assertEquals(0.0, counter.pendingIncrements());
        assertTrue(sink.calls.get() > 1, "flushed while counting");
    }

    @Test
    void aFailedFlushKeepsEverythingForTheNext() {
        MemorySink sink = new MemorySink();
        BadgeEventCounter counter = new BadgeEventCounter(sink, null, config(1000, 2), new SimpleMeterRegistry());
        for (int i = 0; i < 10; i++) {
            counter.record(EventKind.CLICK, "tool-" + (i % 3), Source.DIRECT, Placement.SITE, "example.com");
        }
        sink.failing.set(true);
        counter.flush().await().indefinitely();
        counter.flush().await().indefinitely();
        assertEquals(0, sink.total());
        assertEquals(10.0, counter.pendingIncrements());
        sink.failing.set(false);
        counter.flush().await().indefinitely();
        assertEquals(10, sink.total());
        assertEquals(0.0, counter.pendingIncrements());
    }

    @Test
    void theAggregateIsBoundedFoldsReferrersThenDropsAndCountsWhatItDrops() {
        MemorySink sink = new MemorySink();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BadgeEventCounter counter = new BadgeEventCounter(sink, null, config(8, 100), registry);
        // 6 keys (3/4 of 8) with their own referrer host...
        for (int i = 0; i < 6; i++) {
            counter.record(EventKind.BADGE, "tool", Source.DIRECT, Placement.SITE, "host" + i + ".example");
        }
        // ...then new hosts are folded into one "(other)" row instead of taking a key each.
        for (int i = 6; i < 20; i++) {
            counter.record(EventKind.BADGE, "tool", Source.DIRECT, Placement.SITE, "host" + i + ".example");
        }
        // 7 keys now; one more distinct key fits, the next ones are dropped.
        counter.record(EventKind.BADGE, "other-tool", Source.DIRECT, Placement.SITE, "");
        counter.record(EventKind.BADGE, "third-tool", Source.DIRECT, Placement.SITE, "");
        counter.record(EventKind.BADGE, "fourth-tool", Source.DIRECT, Placement.SITE, "");
        // Existing keys keep counting at the bound.
        counter.record(EventKind.BADGE, "tool", Source.DIRECT, Placement.SITE, "host0.example");
        assertEquals(14.0, registry.get("badge.counting.referrers.folded").counter().count());
        assertEquals(2.0, registry.get("badge.counting.dropped").counter().count());
        counter.flush().await().indefinitely();
        assertEquals(22, sink.total());
        long folded = sink.rows.entrySet().stream().filter(e -> e.getKey().referrerHost().equals(Referrers.OVERFLOW))
                .mapToLong(Map.Entry::getValue).sum();
        assertEquals(14, folded);
    }

    @Test
    void shutdownFlushesWhatIsPending() {
        MemorySink sink = new MemorySink();
        BadgeEventCounter counter = new BadgeEventCounter(sink, null, config(1000, 100), new SimpleMeterRegistry());
        for (int i = 0; i < 57; i++) {
            counter.record(EventKind.BADGE, "tool", Source.GITHUB_CAMO, Placement.README, "");
        }
        counter.onStop(null);
        assertEquals(57, sink.total());
        assertEquals(0.0, counter.pendingIncrements());
    }
    @Test
    void aFloodOfReferrerHostsOnOneToolNeverChangesAnotherToolsReferrers() {
        MemorySink sink = new MemorySink();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BadgeEventCounter counter = new BadgeEventCounter(sink, null, config(400, 1000, 10), registry);
        // One tool's Referer flood: 1,000 made-up hosts.
        for (int i = 0; i < 1000; i++) {
            counter.record(EventKind.BADGE, "flooded-tool", Source.DIRECT, Placement.SITE, "spam" + i + ".example");
        }
        // Another tool's real referrers, during and after the flood.
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5; i++) {
                counter.record(EventKind.BADGE, "quiet-tool", Source.DIRECT, Placement.SITE, "blog" + i + ".example");
                counter.record(EventKind.CLICK, "quiet-tool", Source.DIRECT, Placement.SITE, "blog" + i + ".example");
            }
        }
        assertEquals(10 + 1 + 10, counter.pendingKeys(), "the flood took its own tool's bound (10 hosts + (other)), not the aggregate's");
        counter.flush().await().indefinitely();
        for (int i = 0; i < 5; i++) {
            String host = "blog" + i + ".example";
            assertEquals(3L, sink.rows.get(new CounterKey("quiet-tool", today(), EventKind.BADGE, Source.DIRECT, Placement.SITE, host)), host);
            assertEquals(3L, sink.rows.get(new CounterKey("quiet-tool", today(), EventKind.CLICK, Source.DIRECT, Placement.SITE, host)), host);
        }
        assertEquals(0, sink.rows.keySet().stream().filter(k -> k.slug().equals("quiet-tool") && k.referrerHost().equals(Referrers.OVERFLOW)).count());
        // The flooded tool keeps its first 10 hosts and folds the rest into its own "(other)"; nothing is lost.
        assertEquals(10, sink.rows.keySet().stream().filter(k -> k.slug().equals("flooded-tool") && k.referrerHost().startsWith("spam")).count());
        assertEquals(990L, sink.rows.get(new CounterKey("flooded-tool", today(), EventKind.BADGE, Source.DIRECT, Placement.SITE, Referrers.OVERFLOW)));
        assertEquals(990.0, registry.get("badge.counting.referrers.folded").counter().count());
        assertEquals(0.0, registry.get("badge.counting.dropped").counter().count());
        assertEquals(1030, sink.total());
    }

    @Test
    void aHostWithAHandfulOfRealLoadsStaysNamedAfterAFloodOfOneOffHosts() {
        MemorySink sink = new MemorySink();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BadgeEventCounter counter = new BadgeEventCounter(sink, null, config(100_000, 1000, 100), registry);
        // The attack, ten times over: one-off Referer hosts fill the 100-host table first...
        for (int i = 0; i < 10_000; i++) {
            counter.record(EventKind.BADGE, "tool", Source.DIRECT, Placement.SITE, "spam" + i + ".example");
        }
        // ...then a real blog sends a handful of readers.
        for (int i = 0; i < 5; i++) {
            counter.record(EventKind.BADGE, "tool", Source.DIRECT, Placement.SITE, "blog.example");
        }
        // Bots' referrers never enter the table, however many.
        for (int i = 0; i < 50; i++) {
            counter.record(EventKind.BADGE, "tool", Source.BOT, Placement.SITE, "bot-" + i + ".example");
        }
        counter.flush().await().indefinitely();
        // Its first load proves nothing yet (folded); from the second on it is heavier than every one-off host.
        assertEquals(4L, sink.rows.get(new CounterKey("tool", today(), EventKind.BADGE, Source.DIRECT, Placement.SITE, "blog.example")));
        long spamRows = sink.rows.keySet().stream().filter(k -> k.referrerHost().startsWith("spam")).count();
        assertEquals(100, spamRows, "the one-off flood never replaced a named host: rows stay bounded");
        assertEquals(50L, sink.rows.get(new CounterKey("tool", today(), EventKind.BADGE, Source.BOT, Placement.SITE, Referrers.NONE)));
        assertEquals(10_055, sink.total());
    }

    @Test
    void theTableKeepsTheHeaviestHostsNotTheFirst() {
        ReferrerTable table = new ReferrerTable(3);
        for (String early : new String[] {"a.example", "b.example", "c.example"}) {
            assertEquals(early, table.admit(early));
        }
        assertEquals(Referrers.OVERFLOW, table.admit("d.example"), "the table is full and d has one load, as a, b and c");
        assertEquals("d.example", table.admit("d.example"), "two loads: heavier than the lightest named host");
    }

    @Test
    void duringADatabaseOutageTheAggregateStaysBoundedDropsAreCountedAndLoggedOncePerInterval() {
        MemorySink sink = new MemorySink();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BadgeEventCounter counter = new BadgeEventCounter(sink, null, config(20, 2), registry);
        List<String> lines = new ArrayList<>();
        Handler capture = capture(lines);
        Logger log = Logger.getLogger(BadgeEventCounter.class.getName());
        log.addHandler(capture);
        try {
            sink.failing.set(true);
            for (int i = 0; i < 10; i++) {
                counter.record(EventKind.BADGE, "tool-" + i, Source.DIRECT, Placement.SITE, "");
            }
            counter.flush().await().indefinitely();
            // The first chunk failed: the other four were put back untried, not sent to a database that is away.
            assertEquals(1, sink.calls.get());
            assertEquals(10.0, counter.pendingIncrements());
            for (int flush = 0; flush < 5; flush++) {
                for (int i = 0; i < 30; i++) {
                    counter.record(EventKind.BADGE, "more-" + flush + "-" + i, Source.DIRECT, Placement.SITE, "");
                }
                counter.flush().await().indefinitely();
                assertTrue(counter.pendingKeys() <= 20, "bounded: " + counter.pendingKeys());
            }
            assertEquals(6, sink.calls.get(), "one attempt per flush");
            assertEquals(20.0, counter.pendingIncrements());
            assertEquals(150 - 10.0, registry.get("badge.counting.dropped").counter().count());
            assertEquals(6.0, registry.get("badge.counting.flush.failures").counter().count());
            assertEquals(1, lines.stream().filter(l -> l.contains("flush failed")).count(), String.join("\n", lines));
            assertEquals(1, lines.stream().filter(l -> l.contains("aggregate is full")).count(), String.join("\n", lines));
        } finally {
            log.removeHandler(capture);
        }
        sink.failing.set(false);
        counter.flush().await().indefinitely();
        assertEquals(20, sink.total());
        assertEquals(0.0, counter.pendingIncrements());
    }

    @Test
    void discardedEventsAreKeptOnOneRowPerToolDayAndKind() {
        MemorySink sink = new MemorySink();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BadgeEventCounter counter = new BadgeEventCounter(sink, null, config(1000, 100), registry);
        for (int i = 0; i < 7; i++) {
            counter.discard(EventKind.BADGE, "tool", DiscardReason.CLIENT_CAP);
            counter.discard(EventKind.CLICK, "tool", DiscardReason.NOT_NAVIGATION);
        }
        counter.discardUnkept(EventKind.CLICK, DiscardReason.UNVERIFIED_TOOL);
        counter.flush().await().indefinitely();
        assertEquals(2, sink.rows.size());
        assertEquals(7L, sink.rows.get(new CounterKey("tool", today(), EventKind.BADGE, Source.DISCARDED, Placement.UNSPECIFIED, Referrers.NONE,
                "client-cap")));
        assertEquals(7L, sink.rows.get(new CounterKey("tool", today(), EventKind.CLICK, Source.DISCARDED, Placement.UNSPECIFIED, Referrers.NONE,
                "not-navigation")));
        assertEquals(7.0, registry.get("badge.counting.discarded").tags("kind", "badge", "reason", "client-cap").counter().count());
        assertEquals(1.0, registry.get("badge.counting.discarded").tags("kind", "click", "reason", "unverified-tool").counter().count());
    }

    static int today() {
        return (int) Math.floorDiv(System.currentTimeMillis(), 86_400_000L);
    }

    static Handler capture(List<String> lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (lines) {
                    lines.add(r.getLevel() + " " + r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
