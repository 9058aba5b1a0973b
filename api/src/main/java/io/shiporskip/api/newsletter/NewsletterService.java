package io.shiporskip.api.newsletter;

import io.shiporskip.api.config.ApiConfig.Newsletter;
import io.shiporskip.api.config.ApiConfig;

import io.quarkus.logging.Log;
import io.shiporskip.api.platform.Emails;
import io.shiporskip.api.platform.Quota;
import io.shiporskip.api.platform.RateLimit;
import io.shiporskip.api.platform.RateLimitExceeded;
import io.shiporskip.api.platform.RateLimiter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Sign-up, confirmation and unsubscribe as the HTTP routes see them. */
@ApplicationScoped
public class NewsletterService {

    private final SubscriberService subscribers;
    private final ConfirmationMail confirmationMail;
    private final RateLimiter limiter;
    private final RateLimit subscribeLimit;
    private final RateLimit mailLimit;

    public NewsletterService(SubscriberService subscribers, ConfirmationMail confirmationMail, RateLimiter limiter,
            ApiConfig apiConfig) {
        Newsletter config = apiConfig.newsletter();
        this.subscribers = subscribers;
        this.confirmationMail = confirmationMail;
        this.limiter = limiter;
        this.subscribeLimit = new RateLimit("newsletter sign-up", config.subscribeLimit(),
                config.subscribePeriod());
        this.mailLimit = new RateLimit("confirmation mail", config.confirmationMailsPerAddress(),
                config.confirmationMailPeriod());
    }

    /**
     * Answers the same for a new, pending or confirmed address, so the response never tells whether someone
     * is subscribed. Invalid addresses count against the limit too: probing is not free.
     */
    public Uni<Quota> subscribe(String rawEmail, String clientKey) {
        return Uni.createFrom().item(() -> limiter.consume(subscribeLimit, clientKey))
                .chain(quota -> {
                    String email = Emails.normalise("email", rawEmail);
                    if (!mayMail(email)) {
                        return Uni.createFrom().item(quota);
                    }
                    return subscribers.register(email)
                            .invoke(token -> {
                                if (token != null) {
                                    sendInBackground(email, token);
                                }
                            })
                            .replaceWith(quota);
                });
    }

    /**
     * The mail goes out after the answer: waiting for the mail server would make sign-ups of confirmed
     * addresses (no mail) measurably faster, which tells who is subscribed. The row is committed already.
     */
    private void sendInBackground(String email, String token) {
        confirmationMail.send(email, token).subscribe().with(
                sent -> Log.debug("confirmation mail sent"),
                e -> Log.warnf(e, "confirmation mail could not be sent"));
    }

    private boolean mayMail(String email) {
        try {
            limiter.consume(mailLimit, email);
            return true;
        } catch (RateLimitExceeded e) {
            Log.info("confirmation mails to one address throttled");
            return false;
        }
    }

    public Uni<Subscriber> confirm(String token) {
        return subscribers.confirm(token);
    }

    public Uni<Subscriber> unsubscribe(String token) {
        return subscribers.unsubscribe(token);
    }
}
