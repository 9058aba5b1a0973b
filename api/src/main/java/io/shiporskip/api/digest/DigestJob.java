package io.shiporskip.api.digest;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Sends the last complete week's digest on the configured schedule (default Monday 08:00 UTC). */
@ApplicationScoped
public class DigestJob {

    private final DigestSender sender;

    public DigestJob(DigestSender sender) {
        this.sender = sender;
    }

    // A blocking method runs on a worker thread, which may wait for the reactive run; SKIP keeps a slow run
    // from overlapping the next trigger (the send records would make the overlap harmless, just wasteful).
    @Scheduled(identity = "weekly-digest", cron = "${shiporskip.digest.cron:0 0 8 ? * MON}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendLastWeek() throws Throwable {
        IsoWeek week = IsoWeek.lastComplete(Instant.now());
        try {
            VertxContextSupport.subscribeAndAwait(() -> sender.send(week));
        } catch (Throwable e) {
            // Sends already recorded stay recorded; running DigestSender for this week again finishes the rest.
            Log.errorf(e, "weekly digest %s failed", week);
        }
    }
}
