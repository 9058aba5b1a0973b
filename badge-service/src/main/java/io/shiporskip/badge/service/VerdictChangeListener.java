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

    private final Vertx vertx;
    private final VerdictCache verdicts;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile VerdictChangeSubscriber subscriber;

    public VerdictChangeListener(Vertx vertx, VerdictCache verdicts,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.verdicts = verdicts;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** True while the LISTEN connection is up. */
    public boolean listening() {
        VerdictChangeSubscriber s = subscriber;
        return s != null && s.listening();
    }

    void onStart(@Observes StartupEvent event) {
        subscriber = VerdictChangeSubscriber.start(vertx, url, user, password, this);
    }

    void onStop(@Observes ShutdownEvent event) {
        VerdictChangeSubscriber s = subscriber;
        if (s != null) {
            s.close();
        }
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
