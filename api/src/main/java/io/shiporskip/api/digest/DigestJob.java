package io.shiporskip.api.digest;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.vertx.VertxContextSupport;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.newsletter.SubscriberService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

/**
 * Sends the last complete week's digest on the configured schedule ({@code shiporskip.digest.cron}, UTC), after
 * removing sign-ups that were never confirmed: an address nobody confirmed is not ours to keep. Scheduled from the
 * configuration at startup, so the schedule that runs is the one {@link ApiConfig} holds, and nothing else.
 */
@ApplicationScoped
public class DigestJob {

    public static final String IDENTITY = "weekly-digest";

    private final DigestSender sender;
    private final SubscriberService subscribers;
    private final Scheduler scheduler;
    private final String cron;

    public DigestJob(DigestSender sender, SubscriberService subscribers, Scheduler scheduler, ApiConfig config) {
        this.sender = sender;
        this.subscribers = subscribers;
        this.scheduler = scheduler;
        this.cron = config.digest().cron();
    }

    void schedule(@Observes StartupEvent event) {
        if ("off".equalsIgnoreCase(cron)) {
            Log.info("weekly digest: off (shiporskip.digest.cron=off)");
            return;
        }
        // A blocking task runs on a worker thread, which may wait for the reactive run; SKIP keeps a slow run
        // from overlapping the next trigger (the send records would make the overlap harmless, just wasteful).
        Trigger trigger = scheduler.newJob(IDENTITY).setCron(cron).setTimeZone("UTC")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> sendLastWeek())
                .schedule();
        Log.infof("weekly digest: cron '%s' (UTC), next run %s", cron, trigger.getNextFireTime());
    }

    void sendLastWeek() {
        Instant now = Instant.now();
        IsoWeek week = IsoWeek.lastComplete(now);
        try {
            VertxContextSupport.subscribeAndAwait(() -> subscribers.purgeUnconfirmed()
                    .invoke(purged -> Log.infof("%d unconfirmed sign-ups past their link's expiry removed", purged))
                    .chain(() -> sender.send(week, now)));
        } catch (Throwable e) {
            // Mails marked mailed stay so; the next run for this week mails the rest, and the batch that was in flight
            // once its claim's lease has passed (DigestSender).
            Log.errorf(e, "weekly digest %s failed", week);
        }
    }
}
