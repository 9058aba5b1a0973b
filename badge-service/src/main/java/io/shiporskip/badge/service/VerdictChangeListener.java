package io.shiporskip.badge.service;

import io.shiporskip.model.VerdictEvents;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shiporskip.model.Slugs;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * LISTENs on {@value VerdictEvents#CHANNEL} (api NOTIFYs it with a tool slug when that verdict changes) and drops the
 * slug from the caches, so the next badge load shows the new verdict. The subscriber reconnects by itself
 * when the database goes away; notifications sent meanwhile are lost, so after a reconnect every cached
 * verdict is dropped.
 */
@ApplicationScoped
public class VerdictChangeListener {

    private static final long RETRY_MILLIS = 1000;

    private final Vertx vertx;
    private final VerdictCache verdicts;
    private final PgConnectOptions options;
    private final AtomicBoolean subscribedBefore = new AtomicBoolean();
    private final AtomicBoolean listening = new AtomicBoolean();
    private volatile PgSubscriber subscriber;
    private volatile boolean stopping;

    public VerdictChangeListener(Vertx vertx, VerdictCache verdicts,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.verdicts = verdicts;
        this.options = PgConnectOptions.fromUri(url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
    }

    void onStart(@Observes StartupEvent event) {
        PgSubscriber s = PgSubscriber.subscriber(vertx, options);
        // Forever, once a second: a badge service without notifications would serve stale verdicts until the TTL.
        s.reconnectPolicy(attempt -> stopping ? -1L : RETRY_MILLIS);
        s.closeHandler(v -> {
            listening.set(false);
            if (!stopping) {
                Log.warn("verdict_changed listener closed; reconnecting");
                vertx.setTimer(RETRY_MILLIS, id -> connect());
            }
        });
        s.channel(VerdictEvents.CHANNEL)
                .subscribeHandler(v -> {
                    listening.set(true);
                    if (subscribedBefore.getAndSet(true)) {
                        Log.info("LISTEN verdict_changed re-established; dropping all cached verdicts");
                        verdicts.invalidateAll();
                    } else {
                        Log.info("LISTEN verdict_changed established");
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
            Log.warnf("LISTEN verdict_changed: cannot connect (%s); retrying", e.getMessage());
            vertx.setTimer(RETRY_MILLIS, id -> connect());
        });
    }

    void onNotification(String payload) {
        String slug = payload == null ? "" : payload.trim();
        if (Slugs.isValid(slug)) {
            verdicts.invalidate(slug);
        } else {
            Log.warnf("ignoring verdict_changed payload that is not a slug (%d chars)", slug.length());
        }
    }

    /** True while the LISTEN connection is up. */
    public boolean listening() {
        return listening.get();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        PgSubscriber s = subscriber;
        if (s != null) {
            s.close();
        }
    }
}
