package io.shiporskip.badge.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shiporskip.badge.config.BadgeConfig;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Proxy;
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
}
