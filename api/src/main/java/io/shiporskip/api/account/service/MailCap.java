package io.shiporskip.api.account.service;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.platform.RateLimit;
import io.shiporskip.api.platform.RateLimiter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Every account mail (verification, password reset, address claim) goes out through here: at most
 * {@code shiporskip.accounts.mails-per-address} per address (a bucket refilled over the period, kept in PostgreSQL so
 * every api copy counts the same), whoever asks and however. Over the cap nothing is sent and the caller answers as
 * usual, so a mail bomb and an address probe look alike. The mail leaves after the answer: a slow or stalled mail
 * server never holds a request, and how long the answer took says nothing about whether a mail was due.
 */
@ApplicationScoped
public class MailCap {

    /** How long one hand-over to the mail server may take before it counts as failed (and is logged once). */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMailer mailer;
    private final RateLimiter limiter;
    private final RateLimit limit;

    public MailCap(ReactiveMailer mailer, RateLimiter limiter, ApiConfig config) {
        this.mailer = mailer;
        this.limiter = limiter;
        this.limit = config.accounts().mailLimit();
    }

    /** Spends one of the address's mails and sends {@code mail} in the background; nothing when the cap is spent. */
    public Uni<Void> send(String email, String what, Supplier<Mail> mail) {
        return limiter.tryTake(limit, "mail:" + email).invoke(allowed -> {
            if (!allowed) {
                Log.infof("%s mail not sent: the address's hourly cap is spent", what);
                return;
            }
            mailer.send(mail.get()).ifNoItem().after(SEND_TIMEOUT).fail().subscribe().with(
                    sent -> Log.debugf("%s mail sent", what),
                    e -> Log.warnf("%s mail not sent: %s", what, e.toString()));
        }).replaceWithVoid();
    }
}
