package io.shiporskip.badge.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shiporskip.changes.VerdictChangeSubscriber;
import io.shiporskip.model.VerdictEvents;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * LISTENs on {@value VerdictEvents#CHANNEL} (api NOTIFYs it with a tool slug when that verdict changes) and drops the
 * slug from the caches, so the next badge load shows the new verdict. The LISTEN itself is
 * {@link VerdictChangeSubscriber}, shared with api: it reconnects every second when the database goes away;
 * notifications sent meanwhile are lost, so after a reconnect every cached verdict is dropped.
 */
@ApplicationScoped
public class VerdictChangeListener implements VerdictChangeSubscriber.Listener {

    private final VerdictCache verdicts;
    private final VerdictChangeSubscriber subscriber;

    public VerdictChangeListener(Vertx vertx, VerdictCache verdicts,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.verdicts = verdicts;
        this.subscriber = VerdictChangeSubscriber.create(vertx, url, user, password, this);
    }

    /** True while the LISTEN connection is up. */
    public boolean listening() {
        return subscriber.listening();
    }

    void onStart(@Observes StartupEvent event) {
        subscriber.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        subscriber.close();
    }

    @Override
    public void changed(String slug) {
        verdicts.invalidate(slug);
    }

    @Override
    public void mayHaveMissedChanges() {
        verdicts.invalidateAll();
    }
}
