package io.shiporskip.api.tool.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shiporskip.changes.VerdictChangeSubscriber;
import io.shiporskip.model.VerdictEvents;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every api copy LISTENs on {@value VerdictEvents#CHANNEL}, which every copy NOTIFYs when a verdict or its community
 * counts change (VerdictService.announce in an editorial write's transaction; VoteNotices just after votes commit).
 * A notification drops that tool from this copy's read cache — so a write on one copy shows on every copy's next
 * read — and is passed on to the live event streams. The
 * LISTEN itself (reconnects, lost notifications, payload checks) is {@link VerdictChangeSubscriber}, shared with
 * badge-service; after a reconnect the whole cache is dropped and every stream is told that anything may have changed.
 */
@ApplicationScoped
public class VerdictChanges implements VerdictChangeSubscriber.Listener {

    /** Sent to streams after a reconnect: anything may have changed. */
    public static final String EVERYTHING = "*";

    private final ToolReadCache cache;
    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();
    private final VerdictChangeSubscriber subscriber;

    public VerdictChanges(Vertx vertx, ToolReadCache cache,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.subscriber = VerdictChangeSubscriber.create(vertx, url, user, password, this);
    }

    /** Slugs of changed tools as they commit on any copy, or {@link #EVERYTHING}; a hot stream. */
    public Multi<String> slugs() {
        return changes;
    }

    void onStart(@Observes StartupEvent event) {
        subscriber.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        subscriber.close();
    }

    @Override
    public void changed(String slug) {
        cache.invalidate(slug);
        changes.onNext(slug);
    }

    @Override
    public void mayHaveMissedChanges() {
        cache.invalidateAll();
        changes.onNext(EVERYTHING);
    }
}
