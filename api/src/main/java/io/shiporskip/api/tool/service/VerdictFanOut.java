package io.shiporskip.api.tool.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.model.VerdictSnapshot;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One verdict read per changed tool, shared by every live stream that shows it. Changes heard within
 * {@code shiporskip.live.coalesce-window} are gathered; then each changed tool that somebody follows (a stream of that
 * tool, or any catalog stream) is read once and the snapshot is handed to all of them. Without this, each of 2,000
 * streams of one tool reloaded the verdict on every vote (issue 22: ~1,000 database reads per vote).
 * <p>
 * Streams take snapshots from hot processors: a stream that has not taken the last one when the next arrives keeps
 * only the newest (tool streams) or at most {@link #CATALOG_BACKLOG} (the catalog stream, which then ends; the client
 * reconnects and reloads), so a slow reader costs a bounded amount of memory and never slows the others.
 */
@ApplicationScoped
public class VerdictFanOut {

    static final int CATALOG_BACKLOG = 256;

    private final Vertx vertx;
    private final VerdictChanges changes;
    private final ToolService tools;
    private final long windowMillis;
    private final Counter reads;
    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    private final BroadcastProcessor<VerdictSnapshot> catalog = BroadcastProcessor.create();
    private final AtomicInteger catalogStreams = new AtomicInteger();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** A tool's processor and how many streams take from it; gone with its last stream. */
    private record Followed(BroadcastProcessor<VerdictSnapshot> snapshots, int streams) {
    }

    public VerdictFanOut(Vertx vertx, VerdictChanges changes, ToolService tools, ApiConfig config,
            MeterRegistry registry) {
        this.vertx = vertx;
        this.changes = changes;
        this.tools = tools;
        this.windowMillis = Math.max(1, config.live().coalesceWindow().toMillis());
        this.reads = Counter.builder("live.verdict.reads")
                .description("Verdicts read to feed live streams: one per changed, followed tool per window")
                .register(registry);
        registry.gaugeMapSize("live.followed.tools", List.of(), followed);
    }

    void onStart(@Observes StartupEvent event) {
        changes.slugs().subscribe().with(this::changed);
    }

    /** Every later snapshot of the tool (hot: what comes before subscription is not replayed). */
    Multi<VerdictSnapshot> ofTool(String slug) {
        return Multi.createFrom().deferred(() -> {
            Followed now = followed.compute(slug, (key, current) -> current == null
                    ? new Followed(BroadcastProcessor.create(), 1)
                    : new Followed(current.snapshots(), current.streams() + 1));
            return now.snapshots().onOverflow().dropPreviousItems()
                    .onTermination().invoke(() -> followed.computeIfPresent(slug,
                            (key, current) -> current.streams() == 1 ? null
                                    : new Followed(current.snapshots(), current.streams() - 1)));
        });
    }

    /** Every later snapshot of any tool. */
    Multi<VerdictSnapshot> ofCatalog() {
        return Multi.createFrom().deferred(() -> {
            catalogStreams.incrementAndGet();
            return catalog.onOverflow().buffer(CATALOG_BACKLOG)
                    .onTermination().invoke(catalogStreams::decrementAndGet);
        });
    }

    private void changed(String slug) {
        if (slug.equals(VerdictChanges.EVERYTHING)) {
            // Anything may have changed: every followed tool is read again; the catalog streams get those.
            pending.addAll(followed.keySet());
        } else {
            pending.add(slug);
        }
        if (scheduled.compareAndSet(false, true)) {
            vertx.setTimer(windowMillis, id -> flush());
        }
    }

    /** Reads each gathered tool once, one after the other, on a context of their own; then looks for more. */
    private void flush() {
        List<String> slugs = new ArrayList<>(pending);
        pending.removeAll(slugs);
        boolean anyCatalog = catalogStreams.get() > 0;
        List<String> wanted = slugs.stream().filter(slug -> anyCatalog || followed.containsKey(slug)).toList();
        // A context of its own, flagged safe, as a request's is: the read opens a Hibernate Reactive session on it.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Multi.createFrom()
                .iterable(wanted)
                .onItem().transformToUniAndConcatenate(slug -> {
                    reads.increment();
                    return Uni.createFrom().deferred(() -> tools.verdict(slug)).invoke(this::publish)
                            .onFailure().recoverWithItem(failure -> {
                        // A tool deleted in the meantime, or the database away for a moment: the next change retries.
                        Log.warnf("live verdict of %s not read: %s", slug, failure.toString());
                        return null;
                    });
                })
                .collect().last()
                .subscribe().with(done -> next(), failure -> {
                    Log.warnf(failure, "live verdicts not read");
                    next();
                }));
    }

    private void next() {
        scheduled.set(false);
        if (!pending.isEmpty() && scheduled.compareAndSet(false, true)) {
            vertx.setTimer(windowMillis, id -> flush());
        }
    }

    private void publish(VerdictSnapshot snapshot) {
        Followed tool = followed.get(snapshot.slug());
        if (tool != null) {
            tool.snapshots().onNext(snapshot);
        }
        if (catalogStreams.get() > 0) {
            catalog.onNext(snapshot);
        }
    }
}
