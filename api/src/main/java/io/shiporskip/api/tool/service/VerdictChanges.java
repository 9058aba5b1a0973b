package io.shiporskip.api.tool.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shiporskip.model.Slugs;
import io.shiporskip.model.VerdictEvents;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every api copy LISTENs on {@value VerdictEvents#CHANNEL}, which every copy NOTIFYs when a verdict or its community
 * counts change (VerdictService.announce, delivered on commit). A notification drops that tool from this copy's read
 * cache — so a write on one copy shows on every copy's next read — and is passed on to the live event streams. The
 * subscriber reconnects by itself; notifications sent while it was away are lost, so after a reconnect the whole
 * cache is dropped and every stream is told that anything may have changed.
 */
@ApplicationScoped
public class VerdictChanges {

    /** Sent to streams after a reconnect: anything may have changed. */
    public static final String EVERYTHING = "*";

    private static final long RETRY_MILLIS = 1000;

    private final Vertx vertx;
    private final ToolReadCache cache;
    private final PgConnectOptions options;
    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();
    private final AtomicBoolean subscribedBefore = new AtomicBoolean();
    private final AtomicBoolean listening = new AtomicBoolean();
    private volatile PgSubscriber subscriber;
    private volatile boolean stopping;

    public VerdictChanges(Vertx vertx, ToolReadCache cache,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.cache = cache;
        this.options = PgConnectOptions.fromUri(url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
    }

    /** Slugs of changed tools as they commit on any copy, or {@link #EVERYTHING}; a hot stream. */
    public Multi<String> slugs() {
        return changes;
    }

    /** True while the LISTEN connection is up. */
    public boolean listening() {
        return listening.get();
    }

    void onStart(@Observes StartupEvent event) {
        PgSubscriber s = PgSubscriber.subscriber(vertx, options);
        s.reconnectPolicy(attempt -> stopping ? -1L : RETRY_MILLIS);
        s.closeHandler(v -> {
            listening.set(false);
            if (!stopping) {
                Log.warn("LISTEN " + VerdictEvents.CHANNEL + " closed; reconnecting");
                vertx.setTimer(RETRY_MILLIS, id -> connect());
            }
        });
        s.channel(VerdictEvents.CHANNEL)
                .subscribeHandler(v -> {
                    listening.set(true);
                    if (subscribedBefore.getAndSet(true)) {
                        Log.info("LISTEN " + VerdictEvents.CHANNEL + " re-established; dropping the read cache");
                        cache.invalidateAll();
                        changes.onNext(EVERYTHING);
                    }
                })
                .handler(this::onNotification);
        subscriber = s;
        connect();
    }

    private void connect() {
        PgSubscriber s = subscriber;
        if (s == null || stopping || !s.closed()) {
            return;
        }
        s.connect().onFailure(e -> {
            Log.warnf("LISTEN %s: cannot connect (%s); retrying", VerdictEvents.CHANNEL, e.getMessage());
            vertx.setTimer(RETRY_MILLIS, id -> connect());
        });
    }

    void onNotification(String payload) {
        String slug = payload == null ? "" : payload.trim();
        if (!Slugs.isValid(slug)) {
            return;
        }
        cache.invalidate(slug);
        changes.onNext(slug);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        PgSubscriber s = subscriber;
        if (s != null) {
            s.close();
        }
    }
}
