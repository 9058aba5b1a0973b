package io.shiporskip.api.digest;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.shiporskip.api.newsletter.SubscriberService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Sends the last complete week's digest on the configured schedule (default Monday 08:00 UTC), after removing
 * sign-ups that were never confirmed: an address nobody confirmed is not ours to keep.
 */
@ApplicationScoped
public class DigestJob {

    /** Monday 08:00 (Quartz syntax: seconds first), in UTC: after the week closes, at breakfast in Europe. */
    public static final String DEFAULT_CRON = "0 0 8 ? * MON";

    private final DigestSender sender;
    private final SubscriberService subscribers;

    public DigestJob(DigestSender sender, SubscriberService subscribers) {
        this.sender = sender;
        this.subscribers = subscribers;
    }

    // A blocking method runs on a worker thread, which may wait for the reactive run; SKIP keeps a slow run
    // from overlapping the next trigger (the send records would make the overlap harmless, just wasteful).
    @Scheduled(identity = "weekly-digest", cron = "${shiporskip.digest.cron:" + DEFAULT_CRON + "}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendLastWeek() {
        IsoWeek week = IsoWeek.lastComplete(Instant.now());
        try {
            VertxContextSupport.subscribeAndAwait(() -> subscribers.purgeUnconfirmed()
                    .invoke(purged -> Log.infof("%d unconfirmed sign-ups past their link's expiry removed", purged))
                    .chain(() -> sender.send(week)));
        } catch (Throwable e) {
            // Sends already recorded stay recorded; running DigestSender for this week again finishes the rest.
            Log.errorf(e, "weekly digest %s failed", week);
        }
    }
}
