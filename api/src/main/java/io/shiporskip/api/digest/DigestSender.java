package io.shiporskip.api.digest;

import io.shiporskip.api.config.ApiConfig.Api;
import io.shiporskip.api.config.ApiConfig.Digest;
import io.shiporskip.api.config.ApiConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.shiporskip.api.digest.DigestService.MailDigest;
import io.shiporskip.api.newsletter.SubscriberService;
import io.shiporskip.api.newsletter.SubscriberService.Claim;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Mails a week's digest to every confirmed subscriber who has not had it yet, one batch at a time: claim the batch
 * (committed), mail it, mark it mailed (committed). Memory holds one batch, whatever the number of subscribers.
 * <p>
 * At-least-once, de-duplicated by (week, subscriber): a run that dies between mailing and marking leaves its batch
 * claimed but unmailed, and the next run after the claim's lease ({@code shiporskip.digest.claim-lease}) mails it
 * again, so a crash costs at most one batch of duplicates ({@code shiporskip.digest.batch-size}) and never a skipped
 * subscriber. The other order (record as sent, then mail) cannot duplicate but silently loses the mails in flight:
 * 52 of 100,000 in the crash of issue 22. A reader who gets a digest twice shrugs; one who never gets it does not
 * know to complain. Claims also keep two copies running the job at once from mailing the same subscribers.
 */
@ApplicationScoped
public class DigestSender {

    /** What a run did; {@code failed} mails were released and go out on the next run. */
    public record Report(String week, int verdicts, int sent, int failed) {
    }

    /** A mail that failed (Mutiny drops null items, so not null); subscriber ids are positive. */
    private static final long NOT_MAILED = -1L;

    private final DigestService digests;
    private final SubscriberService subscribers;
    private final DigestPostman postman;
    private final Api urls;
    private final Digest config;
    private final Counter sentMails;
    private final Counter failedMails;

    public DigestSender(DigestService digests, SubscriberService subscribers, DigestPostman postman, ApiConfig apiConfig,
            MeterRegistry registry) {
        this.digests = digests;
        this.subscribers = subscribers;
        this.postman = postman;
        this.urls = apiConfig.api();
        this.config = apiConfig.digest();
        // Progress of a run, and failures before anyone notices a missing Monday mail.
        this.sentMails = registry.counter("digest.mails", "outcome", "sent");
        this.failedMails = registry.counter("digest.mails", "outcome", "failed");
    }

    /** {@code now}: the run's time, which claims are stamped with and leases measured from. */
    public Uni<Report> send(IsoWeek week, Instant now) {
        return digests.forMail(week, config.maxEntries()).chain(digest -> {
            if (digest.total() == 0) {
                Log.infof("weekly digest %s: no new verdicts, nothing sent", week);
                return Uni.createFrom().item(new Report(week.toString(), 0, 0, 0));
            }
            return subscribers.confirmedCount().chain(confirmed -> {
                Log.infof("weekly digest %s: %d verdicts (%d per mail), up to %d subscribers, batches of %d", week,
                        digest.total(), digest.shown().verdicts().size(), confirmed, config.batchSize());
                Run run = new Run(digest, confirmed, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                return sendFrom(run, 0L, 0, 0);
            }).invoke(report -> Log.infof("weekly digest %s: %d verdicts, %d mails sent, %d failed", week,
                    report.verdicts(), report.sent(), report.failed()));
        });
    }

    private record Run(MailDigest digest, long confirmed, OffsetDateTime now) {
        String week() {
            return digest.shown().week();
        }
    }

    private Uni<Report> sendFrom(Run run, long afterId, int sent, int failed) {
        OffsetDateTime leaseStart = run.now().minus(config.claimLease());
        return subscribers.claimBatch(run.week(), afterId, config.batchSize(), run.now(), leaseStart)
                .chain(batch -> Multi.createFrom().iterable(batch.claims())
                // One at a time: a failed mail's release uses the reactive session, which must not be shared.
                .onItem().transformToUniAndConcatenate(claim -> postman.send(mail(run.digest(), claim))
                        .replaceWith(claim.subscriberId())
                        .onFailure().recoverWithUni(e -> {
                            Log.warnf(e, "digest %s to subscriber %d failed; it will be retried", run.week(),
                                    claim.subscriberId());
                            return subscribers.release(claim.subscriberId(), run.week()).replaceWith(NOT_MAILED);
                        }))
                .collect().asList()
                .chain(results -> {
                    List<Long> mailed = results.stream().filter(id -> id != NOT_MAILED).toList();
                    return subscribers.markMailed(run.week(), mailed, run.now()).map(marked -> {
                        sentMails.increment(mailed.size());
                        failedMails.increment(results.size() - mailed.size());
                        return mailed.size();
                    }).chain(ok -> {
                        int nowSent = sent + ok;
                        int nowFailed = failed + results.size() - ok;
                        if (batch.more()) {
                            Log.infof("weekly digest %s: %d mailed, %d failed so far of up to %d (last id %d)",
                                    run.week(), nowSent, nowFailed, run.confirmed(), batch.lastId());
                            return sendFrom(run, batch.lastId(), nowSent, nowFailed);
                        }
                        return Uni.createFrom().item(new Report(run.week(), (int) run.digest().total(), nowSent,
                                nowFailed));
                    });
                }));
    }

    private Mail mail(MailDigest digest, Claim claim) {
        String unsubscribe = urls.url("/api/newsletter/unsubscribe?token=" + claim.unsubscribeToken());
        String fullWeek = urls.url("/api/digests/weekly.html?week=" + digest.shown().week());
        return Mail.withHtml(claim.email(), DigestRenderer.subject(digest.shown().week(), digest.total()),
                        DigestRenderer.html(digest.shown(), digest.total(), fullWeek, unsubscribe))
                .setText(DigestRenderer.text(digest.shown(), digest.total(), fullWeek, unsubscribe))
                // RFC 2369 + RFC 8058: mail clients show an unsubscribe button that POSTs to this URL.
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
}
