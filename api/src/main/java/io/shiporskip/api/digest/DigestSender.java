package io.shiporskip.api.digest;

import io.shiporskip.api.config.ApiConfig.Api;
import io.shiporskip.api.config.ApiConfig.Digest;
import io.shiporskip.api.config.ApiConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.shiporskip.api.newsletter.SubscriberService;
import io.shiporskip.api.newsletter.SubscriberService.Claim;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Mails a week's digest to every confirmed subscriber who has not had it yet, batch by batch. Each send is
 * recorded (unique per subscriber and week) before the mail leaves, so running it again — after a restart,
 * or twice by mistake — sends nothing twice.
 */
@ApplicationScoped
public class DigestSender {

    /** What a run did; {@code failed} mails were released and go out on the next run. */
    public record Report(String week, int verdicts, int sent, int failed) {
    }

    private final DigestService digests;
    private final SubscriberService subscribers;
    private final ReactiveMailer mailer;
    private final Api urls;
    private final Digest config;
    private final Counter sentMails;
    private final Counter failedMails;

    public DigestSender(DigestService digests, SubscriberService subscribers, ReactiveMailer mailer, ApiConfig apiConfig,
            MeterRegistry registry) {
        Api urls = apiConfig.api();
        Digest config = apiConfig.digest();
        this.digests = digests;
        this.subscribers = subscribers;
        this.mailer = mailer;
        this.urls = urls;
        this.config = config;
        // Failures show up here before anyone notices a missing Monday mail.
        this.sentMails = registry.counter("digest.mails", "outcome", "sent");
        this.failedMails = registry.counter("digest.mails", "outcome", "failed");
    }

    public Uni<Report> send(IsoWeek week) {
        return digests.weekly(week).chain(digest -> {
            if (digest.verdicts().isEmpty()) {
                Log.infof("weekly digest %s: no new verdicts, nothing sent", week);
                return Uni.createFrom().item(new Report(week.toString(), 0, 0, 0));
            }
            return sendFrom(digest, 0L, 0, 0).invoke(report -> Log.infof(
                    "weekly digest %s: %d verdicts, %d mails sent, %d failed", week, report.verdicts(), report.sent(),
                    report.failed()));
        });
    }

    private Uni<Report> sendFrom(WeeklyDigest digest, long afterId, int sent, int failed) {
        return subscribers.claimBatch(digest.week(), afterId, config.batchSize()).chain(batch -> Multi.createFrom()
                .iterable(batch.claims())
                // One at a time: a failed mail's release uses the reactive session, which must not be shared.
                .onItem().transformToUniAndConcatenate(claim -> mailer.send(mail(digest, claim)).replaceWith(true)
                        .onFailure().recoverWithUni(e -> {
                            Log.warnf(e, "digest %s to subscriber %d failed; it will be retried", digest.week(),
                                    claim.subscriberId());
                            return subscribers.release(claim.subscriberId(), digest.week()).replaceWith(false);
                        }))
                .collect().asList()
                .chain(results -> {
                    int ok = (int) results.stream().filter(Boolean::booleanValue).count();
                    sentMails.increment(ok);
                    failedMails.increment(results.size() - ok);
                    int nowSent = sent + ok;
                    int nowFailed = failed + results.size() - ok;
                    return batch.more()
                            ? sendFrom(digest, batch.lastId(), nowSent, nowFailed)
                            : Uni.createFrom().item(new Report(digest.week(), digest.verdicts().size(), nowSent, nowFailed));
                }));
    }

    private Mail mail(WeeklyDigest digest, Claim claim) {
        String unsubscribe = urls.url("/api/newsletter/unsubscribe?token=" + claim.unsubscribeToken());
        return Mail.withHtml(claim.email(), DigestRenderer.subject(digest), DigestRenderer.html(digest, unsubscribe))
                .setText(DigestRenderer.text(digest, unsubscribe))
                // RFC 2369 + RFC 8058: mail clients show an unsubscribe button that POSTs to this URL.
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
}
