package io.shiporskip.api.newsletter;

import io.shiporskip.api.config.ApiConfig.Newsletter;
import io.shiporskip.api.config.ApiConfig;

import io.quarkus.logging.Log;
import io.shiporskip.api.platform.Emails;
import io.shiporskip.api.platform.RateLimit;
import io.shiporskip.api.platform.RateLimiter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Sign-up, confirmation and unsubscribe as the HTTP routes see them. */
@ApplicationScoped
public class NewsletterService {

    private final SubscriberService subscribers;
    private final ConfirmationMail confirmationMail;
    private final RateLimiter limiter;
    private final RateLimit mailLimit;

    public NewsletterService(SubscriberService subscribers, ConfirmationMail confirmationMail, RateLimiter limiter,
            ApiConfig apiConfig) {
        Newsletter config = apiConfig.newsletter();
        this.subscribers = subscribers;
        this.confirmationMail = confirmationMail;
        this.limiter = limiter;
        this.mailLimit = new RateLimit("confirmation mail", config.confirmationMailsPerAddress(),
                config.confirmationMailPeriod());
    }

    /**
     * Answers the same for a new, pending or confirmed address, so the response never tells whether someone
     * is subscribed. The routes spend the client's sign-up allowance first ({@code @WriteLimited}), so invalid
     * addresses count against it too: probing is not free.
     */
    public Uni<Void> subscribe(String rawEmail) {
        return Uni.createFrom().item(() -> Emails.normalise("email", rawEmail))
                .chain(email -> limiter.tryTake(mailLimit, email).chain(mayMail -> {
                    if (!mayMail) {
                        Log.info("confirmation mails to one address throttled");
                        return Uni.createFrom().voidItem();
                    }
                    return subscribers.register(email)
                            .invoke(token -> {
                                if (token != null) {
                                    sendInBackground(email, token);
                                }
                            })
                            .replaceWithVoid();
                }));
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

    public Uni<Subscriber> confirm(String token) {
        return subscribers.confirm(token);
    }

    public Uni<Subscriber> unsubscribe(String token) {
        return subscribers.unsubscribe(token);
    }
}
