package io.shiporskip.badge.counting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shiporskip.badge.config.BadgeConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Write-behind counting. Requests only bump a LongAdder in a bounded in-memory map (never waiting on
 * PostgreSQL); a single writer drains it every flush interval into batched upserts. A failed batch puts its
 * increments back for the next attempt; increments past the bound are dropped, counted and logged; shutdown
 * flushes what is left.
 */
@ApplicationScoped
public class BadgeEventCounter {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final CounterSink sink;
    private final Vertx vertx;
    private final BadgeConfig.Counting config;
    private final ConcurrentHashMap<CounterKey, LongAdder> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong lastDropLog = new AtomicLong();
    private final Counter[][] events;
    private final Counter dropped;
    private final Counter flushFailures;
    private final Counter referrersFolded;
    private final DistributionSummary batchRows;
    private final Timer flushTimer;
    private volatile long timerId = -1;

    public BadgeEventCounter(CounterSink sink, Vertx vertx, BadgeConfig config, MeterRegistry registry) {
        this.sink = sink;
        this.vertx = vertx;
        this.config = config.counting();
        // Pre-registered so the request path never looks a meter up.
        this.events = new Counter[EventKind.values().length][Source.values().length];
        for (EventKind kind : EventKind.values()) {
            for (Source source : Source.values()) {
                String name = kind == EventKind.CLICK ? "badge.clicks" : "badge.impressions";
                events[kind.ordinal()][source.ordinal()] = Counter.builder(name)
                        .description(kind == EventKind.CLICK ? "Click-throughs served" : "Badges and embeds served")
                        .tag("kind", kind.db).tag("source", source.db).register(registry);
            }
        }
        this.dropped = Counter.builder("badge.counting.dropped")
                .description("Increments dropped because the in-memory aggregate was full").register(registry);
        this.referrersFolded = Counter.builder("badge.counting.referrers.folded")
                .description("Increments whose referrer host was recorded as (other) because the aggregate was nearly full")
                .register(registry);
        this.flushFailures = Counter.builder("badge.counting.flush.failures")
                .description("Flushes that failed and were retried").register(registry);
        this.batchRows = DistributionSummary.builder("badge.counting.flush.batch.size")
                .description("Counter rows per flush").baseUnit("rows").register(registry);
        this.flushTimer = Timer.builder("badge.counting.flush.duration").description("Time to write one flush").register(registry);
        Gauge.builder("badge.counting.pending", this, BadgeEventCounter::pendingIncrements)
                .description("Increments not yet in PostgreSQL").register(registry);
    }

    /** Counts one event. Called on the event loop for every badge, embed and click. */
    public void record(EventKind kind, String slug, Source source, Placement placement, String referrerHost) {
        events[kind.ordinal()][source.ordinal()].increment();
        int day = (int) Math.floorDiv(System.currentTimeMillis(), MILLIS_PER_DAY);
        add(new CounterKey(slug, day, kind, source, placement, referrerHost), 1);
    }

    private void add(CounterKey key, long n) {
        LongAdder adder = pending.get(key);
        if (adder == null) {
            int size = pending.size();
            // The Referer header is the one dimension a client controls; under pressure fold new hosts into
            // one row so forged referrers cannot crowd real counts out of the aggregate.
            if (size >= config.maxPendingKeys() / 4 * 3 && !key.referrerHost().isEmpty()
                    && !key.referrerHost().equals(Referrers.OVERFLOW)) {
                referrersFolded.increment(n);
                add(new CounterKey(key.slug(), key.epochDay(), key.kind(), key.source(), key.placement(), Referrers.OVERFLOW), n);
                return;
            }
            if (size >= config.maxPendingKeys()) {
                dropped.increment(n);
                logDrop();
                return;
            }
            adder = pending.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.add(n);
    }

    private void logDrop() {
        long now = System.currentTimeMillis();
        long last = lastDropLog.get();
        if (now - last > 10_000 && lastDropLog.compareAndSet(last, now)) {
            Log.errorf("badge counting aggregate is full (%d keys); dropping increments for new keys (see badge.counting.dropped)",
                    config.maxPendingKeys());
        }
    }

    /** Increments counted but not yet written. */
    public double pendingIncrements() {
        long sum = inFlight.get();
        for (LongAdder a : pending.values()) {
            sum += a.sum();
        }
        return sum;
    }

    void onStart(@Observes StartupEvent event) {
        long every = Math.max(10, config.flushInterval().toMillis());
        timerId = vertx.setPeriodic(every, id -> flush().subscribe().with(ignored -> {
        }, failure -> Log.debug("flush failed", failure)));
    }

    /**
     * Drains the aggregate into the sink. Only one flush runs at a time; a call while one is running returns
     * at once (the running one, or the next tick, picks the new increments up).
     */
    public Uni<Void> flush() {
        return Uni.createFrom().deferred(this::startFlush);
    }

    private Uni<Void> startFlush() {
        if (!flushing.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        List<CounterSink.Increment> batch = drain();
        if (batch.isEmpty()) {
            flushing.set(false);
            return Uni.createFrom().voidItem();
        }
        long total = 0;
        for (CounterSink.Increment inc : batch) {
            total += inc.n();
        }
        inFlight.set(total);
        long started = System.nanoTime();
        int rows = Math.max(1, config.batchRows());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < batch.size(); from += rows) {
            List<CounterSink.Increment> chunk = batch.subList(from, Math.min(batch.size(), from + rows));
            chain = chain.chain(() -> write(chunk));
        }
        return chain.eventually(() -> {
            flushTimer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            inFlight.set(0);
            evictOldKeys();
            flushing.set(false);
        });
    }

    /** Writes one chunk; on failure its increments go back into the aggregate for the next flush. */
    private Uni<Void> write(List<CounterSink.Increment> chunk) {
        batchRows.record(chunk.size());
        long n = 0;
        for (CounterSink.Increment inc : chunk) {
            n += inc.n();
        }
        long chunkTotal = n;
        return sink.add(chunk)
                .invoke(() -> inFlight.addAndGet(-chunkTotal))
                .onFailure().recoverWithUni(failure -> {
                    flushFailures.increment();
                    Log.warnf("badge counter flush of %d rows failed (%s); keeping them for the next flush",
                            chunk.size(), failure.getMessage());
                    for (CounterSink.Increment inc : chunk) {
                        add(inc.key(), inc.n());
                    }
                    inFlight.addAndGet(-chunkTotal);
                    return Uni.createFrom().voidItem();
                });
    }

    private List<CounterSink.Increment> drain() {
        List<CounterSink.Increment> batch = new ArrayList<>();
        for (Map.Entry<CounterKey, LongAdder> e : pending.entrySet()) {
            // sumThenReset swaps each cell atomically: an increment racing with it lands in this batch or the next.
            long n = e.getValue().sumThenReset();
            if (n > 0) {
                batch.add(new CounterSink.Increment(e.getKey(), n));
            }
        }
        return batch;
    }

    /**
     * Removes drained keys of days before yesterday. Writers only ever touch today's key (or yesterday's
     * right at midnight), so no increment can land on a removed adder.
     */
    private void evictOldKeys() {
        int today = (int) Math.floorDiv(System.currentTimeMillis(), MILLIS_PER_DAY);
        pending.entrySet().removeIf(e -> e.getKey().epochDay() < today - 1 && e.getValue().sum() == 0);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        try {
            while (flushing.get() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            flush().await().atMost(config.shutdownTimeout());
            if (pendingIncrements() > 0) {
                Log.errorf("shutdown: %.0f badge increments could not be written", pendingIncrements());
            } else {
                Log.info("shutdown: badge counters flushed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Log.errorf("shutdown flush failed: %s (%.0f increments pending)", e.getMessage(), pendingIncrements());
        }
    }
}
