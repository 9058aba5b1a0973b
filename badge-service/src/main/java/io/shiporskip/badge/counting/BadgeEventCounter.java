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
import io.shiporskip.badge.limits.LogThrottle;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Write-behind counting. Requests only bump a LongAdder in a bounded in-memory map (never waiting on
 * PostgreSQL); a single writer drains it every flush interval into batched upserts. A failed flush puts its
 * increments back for the next attempt; increments past the bound are dropped, counted and logged (one line per
 * interval, never one per event); shutdown flushes what is left. Which events count at all is decided by
 * {@link CountingPolicy}; this class only keeps the numbers.
 */
@ApplicationScoped
public class BadgeEventCounter {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** At most one log line per this interval for each kind of trouble. */
    static final long LOG_INTERVAL_MILLIS = 10_000;

    private final CounterSink sink;
    private final Vertx vertx;
    private final BadgeConfig.Counting config;
    private final ConcurrentHashMap<CounterKey, LongAdder> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicLong inFlight = new AtomicLong();
    private final LogThrottle dropLog = new LogThrottle(LOG_INTERVAL_MILLIS);
    private final LogThrottle flushFailureLog = new LogThrottle(LOG_INTERVAL_MILLIS);
    /** Referrer hosts named per (tool, day), so one tool's flood of hosts folds into its own "(other)" only. */
    private final ConcurrentHashMap<ToolDay, ReferrerTable> referrerHosts = new ConcurrentHashMap<>();
    private final Counter[][] events;
    private final Counter[][] discarded;
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
                if (source == Source.DISCARDED) {
                    continue; // those have badge.counting.discarded, by reason
                }
                String name = kind == EventKind.CLICK ? "badge.clicks" : "badge.impressions";
                events[kind.ordinal()][source.ordinal()] = Counter.builder(name)
                        .description(kind == EventKind.CLICK ? "Click-throughs counted" : "Badges and embeds counted")
                        .tag("kind", kind.db).tag("source", source.db).register(registry);
            }
        }
        this.discarded = new Counter[EventKind.values().length][DiscardReason.values().length];
        for (EventKind kind : EventKind.values()) {
            for (DiscardReason reason : DiscardReason.values()) {
                discarded[kind.ordinal()][reason.ordinal()] = Counter.builder("badge.counting.discarded")
                        .description("Events served but not counted (see the reason tag)")
                        .tag("kind", kind.db).tag("reason", reason.tag).register(registry);
            }
        }
        this.dropped = Counter.builder("badge.counting.dropped")
                .description("Increments dropped because the in-memory aggregate was full").register(registry);
        this.referrersFolded = Counter.builder("badge.counting.referrers.folded")
                .description("Increments whose referrer host was recorded as (other): the tool's host bound was reached or the aggregate was nearly full")
                .register(registry);
        this.flushFailures = Counter.builder("badge.counting.flush.failures")
                .description("Flushes that failed and were retried").register(registry);
        this.batchRows = DistributionSummary.builder("badge.counting.flush.batch.size")
                .description("Counter rows per flush").baseUnit("rows").register(registry);
        this.flushTimer = Timer.builder("badge.counting.flush.duration").description("Time to write one flush").register(registry);
        Gauge.builder("badge.counting.pending", this, BadgeEventCounter::pendingIncrements)
                .description("Increments not yet in PostgreSQL").register(registry);
    }

    /**
     * Counts one event. Called on the event loop for every badge, embed and click. Only loads counted as human
     * (direct, github-camo) may name a referrer host, and only the tool's heaviest hosts get rows of their own
     * ({@link ReferrerTable}); a bot's Referer is not kept.
     */
    public void record(EventKind kind, String slug, Source source, Placement placement, String referrerHost) {
        events[kind.ordinal()][source.ordinal()].increment();
        int day = (int) Math.floorDiv(System.currentTimeMillis(), MILLIS_PER_DAY);
        String host = referrerHost;
        if (source == Source.BOT) {
            host = Referrers.NONE;
        } else if (!host.isEmpty() && !host.equals(Referrers.OVERFLOW)) {
            host = referrerHosts.computeIfAbsent(new ToolDay(slug, day), k -> new ReferrerTable(config.maxReferrersPerTool())).admit(host);
            if (host.equals(Referrers.OVERFLOW)) {
                referrersFolded.increment();
            }
        }
        add(new CounterKey(slug, day, kind, source, placement, host), 1);
    }

    /**
     * Keeps one event that was served but not counted: its row has source {@code discarded}, the reason, no
     * placement and no referrer, so discards show (by reason) in the maker's figures without touching the counted ones.
     */
    public void discard(EventKind kind, String slug, DiscardReason reason) {
        discarded[kind.ordinal()][reason.ordinal()].increment();
        int day = (int) Math.floorDiv(System.currentTimeMillis(), MILLIS_PER_DAY);
        add(new CounterKey(slug, day, kind, Source.DISCARDED, Placement.UNSPECIFIED, Referrers.NONE, reason.tag), 1);
    }

    /** An event not counted and not kept at all (its slug may be junk): the metric only. */
    public void discardUnkept(EventKind kind, DiscardReason reason) {
        discarded[kind.ordinal()][reason.ordinal()].increment();
    }

    private void add(CounterKey key, long n) {
        LongAdder adder = pending.get(key);
        if (adder == null) {
            String host = key.referrerHost();
            // The Referer header is the one dimension a client controls: record() lets each tool name a bounded
            // number of hosts a day, so a flood of forged hosts on one tool folds into that tool's "(other)" only.
            boolean namedHost = !host.isEmpty() && !host.equals(Referrers.OVERFLOW);
            int size = pending.size();
            // Last line of defence when many tools are flooded at once: fold every new host.
            if (namedHost && size >= config.maxPendingKeys() / 4 * 3) {
                fold(key, n);
                return;
            }
            if (size >= config.maxPendingKeys()) {
                dropped.increment(n);
                long held = dropLog.admit();
                if (held >= 0) {
                    Log.errorf("badge counting aggregate is full (%d keys); dropping increments for new keys (see badge.counting.dropped; "
                            + "%d more drops since the last line)", config.maxPendingKeys(), held);
                }
                return;
            }
            adder = pending.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.add(n);
    }

    private void fold(CounterKey key, long n) {
        referrersFolded.increment(n);
        add(new CounterKey(key.slug(), key.epochDay(), key.kind(), key.source(), key.placement(), Referrers.OVERFLOW, key.discardReason()), n);
    }

    private record ToolDay(String slug, int epochDay) {
    }

    /** Distinct counter keys in memory (bounded by max-pending-keys). */
    int pendingKeys() {
        return pending.size();
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
        inFlight.set(total(batch));
        long started = System.nanoTime();
        int rows = Math.max(1, config.batchRows());
        return writeFrom(batch, 0, rows).eventually(() -> {
            flushTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            inFlight.set(0);
            evictOldKeys();
            flushing.set(false);
        });
    }

    /**
     * Writes the batch one chunk at a time. At the first failure the database is taken to be away: that chunk and
     * every later one go back into the aggregate untried (one attempt per flush, not one per chunk).
     */
    private Uni<Void> writeFrom(List<CounterSink.Increment> batch, int from, int rows) {
        if (from >= batch.size()) {
            return Uni.createFrom().voidItem();
        }
        List<CounterSink.Increment> chunk = batch.subList(from, Math.min(batch.size(), from + rows));
        batchRows.record(chunk.size());
        return sink.add(chunk)
                .replaceWith(Boolean.TRUE)
                .onFailure().recoverWithUni(failure -> {
                    putBack(batch.subList(from, batch.size()), failure);
                    return Uni.createFrom().item(Boolean.FALSE);
                })
                .flatMap(written -> {
                    if (!written) {
                        return Uni.createFrom().voidItem();
                    }
                    inFlight.addAndGet(-total(chunk));
                    return writeFrom(batch, from + rows, rows);
                });
    }

    private void putBack(List<CounterSink.Increment> unwritten, Throwable failure) {
        flushFailures.increment();
        long n = total(unwritten);
        for (CounterSink.Increment inc : unwritten) {
            add(inc.key(), inc.n());
        }
        inFlight.addAndGet(-n);
        long held = flushFailureLog.admit();
        if (held >= 0) {
            Log.warnf("badge counter flush failed (%s); %d increments in %d rows kept for the next flush "
                    + "(%d more failed flushes since the last line; see badge.counting.flush.failures)",
                    failure.getMessage(), n, unwritten.size(), held);
        }
    }

    private static long total(List<CounterSink.Increment> increments) {
        long n = 0;
        for (CounterSink.Increment inc : increments) {
            n += inc.n();
        }
        return n;
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
        referrerHosts.keySet().removeIf(k -> k.epochDay() < today - 1);
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
