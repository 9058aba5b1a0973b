package io.shiporskip.changes;

import io.shiporskip.model.Slugs;
import io.shiporskip.model.VerdictEvents;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * One {@code LISTEN} on {@value VerdictEvents#CHANNEL}, which api NOTIFYs with a tool's slug when that tool's verdict or
 * community counts change (delivered on commit). Used by every api copy (read cache, live streams) and by
 * badge-service (verdict cache); each wraps it in a bean of its own and says what a change means to it.
 *
 * <p>The connection is retried once a second, forever: a copy without notifications would serve stale data until
 * its caches expire. Notifications sent while the connection was down are lost, so every re-subscription after
 * the first is reported as {@link Listener#mayHaveMissedChanges()}. Payloads that are not slugs are ignored.
 */
public final class VerdictChangeSubscriber implements AutoCloseable {

    /** What a service does with what the subscriber hears; called on a Vert.x event-loop thread, so never block. */
    public interface Listener {

        /** The tool with this (valid) slug changed. */
        void changed(String slug);

        /** LISTEN is back after a lost connection: any tool may have changed meanwhile. */
        void mayHaveMissedChanges();
    }

    /** Delay between connection attempts. */
    public static final long RETRY_MILLIS = 1000;

    private static final Logger LOG = Logger.getLogger(VerdictChangeSubscriber.class);
    private static final String CHANNEL = VerdictEvents.CHANNEL;

    private final Vertx vertx;
    private final Listener listener;
    private final PgSubscriber subscriber;
    private final AtomicBoolean subscribedBefore = new AtomicBoolean();
    private final AtomicBoolean listening = new AtomicBoolean();
    private volatile boolean stopping;

    private VerdictChangeSubscriber(Vertx vertx, PgConnectOptions options, Listener listener) {
        this.vertx = vertx;
        this.listener = listener;
        this.subscriber = PgSubscriber.subscriber(vertx, options);
        // The client's own policy covers a dropped connection; connect() below covers a failed first connect.
        subscriber.reconnectPolicy(attempt -> stopping ? -1L : RETRY_MILLIS);
        subscriber.closeHandler(v -> {
            listening.set(false);
            if (!stopping) {
                LOG.warnf("LISTEN %s closed; reconnecting", CHANNEL);
                vertx.setTimer(RETRY_MILLIS, id -> connect());
            }
        });
        subscriber.channel(CHANNEL)
                .subscribeHandler(v -> onSubscribed())
                .handler(this::onNotification);
    }

    /**
     * A subscriber for the datasource's reactive URL and its optional user and password (as the services configure
     * {@code quarkus.datasource.*}); it connects on {@link #start()}.
     */
    public static VerdictChangeSubscriber create(Vertx vertx, String reactiveUrl, Optional<String> user,
            Optional<String> password, Listener listener) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return new VerdictChangeSubscriber(vertx, options, listener);
    }

    /** Starts listening; returns at once, the connection comes up in the background. */
    public void start() {
        connect();
    }

    /** True while the LISTEN connection is up. */
    public boolean listening() {
        return listening.get();
    }

    /** Stops listening for good: no more reconnects. */
    @Override
    public void close() {
        stopping = true;
        listening.set(false);
        subscriber.close();
    }

    private void connect() {
        if (stopping || !subscriber.closed()) {
            return;
        }
        subscriber.connect().onFailure(e -> {
            LOG.warnf("LISTEN %s: cannot connect (%s); retrying", CHANNEL, e.getMessage());
            // A failed first connect leaves the subscriber neither connected nor closed, and connect() on it does
            // nothing: closing it (no connection yet, the channel is kept) lets the next attempt start over.
            subscriber.close();
            vertx.setTimer(RETRY_MILLIS, id -> connect());
        });
    }

    private void onSubscribed() {
        listening.set(true);
        if (subscribedBefore.getAndSet(true)) {
            LOG.infof("LISTEN %s re-established; notifications may have been missed, dropping everything cached", CHANNEL);
            listener.mayHaveMissedChanges();
        } else {
            LOG.infof("LISTEN %s established", CHANNEL);
        }
    }

    void onNotification(String payload) {
        String slug = payload == null ? "" : payload.trim();
        if (Slugs.isValid(slug)) {
            listener.changed(slug);
        } else {
            // Length only: the payload is not trusted enough to be logged.
            LOG.warnf("ignoring %s payload that is not a slug (%d chars)", CHANNEL, slug.length());
        }
    }
}
