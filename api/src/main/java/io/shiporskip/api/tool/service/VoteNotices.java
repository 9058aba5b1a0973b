package io.shiporskip.api.tool.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.shiporskip.model.VerdictEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells every api and badge-service copy which tools' community counts changed: {@code NOTIFY} on
 * {@value VerdictEvents#CHANNEL}, one notification per tool as before, but sent after the votes have committed and
 * gathered for {@link #BATCH_MILLIS} into one autocommitted statement.
 * <p>
 * Why not inside each vote's transaction: PostgreSQL serialises the commits of notifying transactions across the
 * whole server (a lock held through the commit's WAL flush), which capped votes near 1 000 a second here while the
 * same statements without the NOTIFY commit together. Batched, a burst of votes costs a few notifying commits a second.
 * The price is a window: a copy killed within it (not stopped: shutdown sends what is pending) leaves other copies
 * showing the old counts until their caches' time-to-live. Editorial writes, which are rare, still NOTIFY inside their
 * transaction ({@link VerdictService#announce}).
 */
@ApplicationScoped
public class VoteNotices {

    /** How long a change waits for others to share its NOTIFY; well inside the 1 s other copies must see it in. */
    static final long BATCH_MILLIS = 50;

    private static final long RETRY_MILLIS = 1000;
    private static final String NOTIFY = "SELECT pg_notify($1, slug) FROM unnest($2::text[]) AS slug";

    private final Vertx vertx;
    private final Pool pool;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public VoteNotices(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
    }

    /** The tool's counts changed and that has committed: every copy hears of it within {@link #BATCH_MILLIS}. */
    public void changed(String slug) {
        pending.add(slug);
        schedule(BATCH_MILLIS);
    }

    private void schedule(long delayMillis) {
        if (scheduled.compareAndSet(false, true)) {
            vertx.setTimer(delayMillis, id -> send());
        }
    }

    private void send() {
        // Cleared before draining: a change added meanwhile schedules the next batch rather than being left behind.
        scheduled.set(false);
        List<String> batch = drain();
        if (batch.isEmpty()) {
            return;
        }
        notifyEach(batch).subscribe().with(ignored -> {
        }, failure -> {
            Log.warnf("NOTIFY %s for %d tools failed (%s); retrying", VerdictEvents.CHANNEL, batch.size(),
                    failure.getMessage());
            pending.addAll(batch);
            schedule(RETRY_MILLIS);
        });
    }

    private List<String> drain() {
        List<String> batch = new ArrayList<>();
        for (Iterator<String> it = pending.iterator(); it.hasNext();) {
            batch.add(it.next());
            it.remove();
        }
        return batch;
    }

    private Uni<Void> notifyEach(List<String> slugs) {
        return pool.preparedQuery(NOTIFY)
                .execute(Tuple.tuple().addString(VerdictEvents.CHANNEL).addArrayOfString(slugs.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** A stopping copy sends what is pending, so only a killed one leaves others to their time-to-live. */
    void onStop(@Observes ShutdownEvent event) {
        List<String> batch = drain();
        if (batch.isEmpty()) {
            return;
        }
        try {
            notifyEach(batch).await().atMost(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            Log.warnf("NOTIFY %s for %d tools at shutdown failed (%s)", VerdictEvents.CHANNEL, batch.size(), e.getMessage());
        }
    }
}
