package io.shiporskip.api.newsletter;

import io.quarkus.logging.Log;
import io.shiporskip.api.ratelimit.Quota;
import io.shiporskip.api.ratelimit.RateLimit;
import io.shiporskip.api.ratelimit.RateLimiter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Sign-up, confirmation and unsubscribe as the HTTP routes see them. */
@ApplicationScoped
public class NewsletterService {

    private final SubscriberService subscribers;
    private final ConfirmationMail confirmationMail;
    private final RateLimiter limiter;
    private final RateLimit subscribeLimit;

    public NewsletterService(SubscriberService subscribers, ConfirmationMail confirmationMail, RateLimiter limiter,
            NewsletterConfig config) {
        this.subscribers = subscribers;
        this.confirmationMail = confirmationMail;
        this.limiter = limiter;
        this.subscribeLimit = new RateLimit("newsletter sign-up", config.subscribeLimit().capacity(),
                config.subscribeLimit().period());
    }

    /**
     * Answers the same for a new, pending or confirmed address, so the response never tells whether someone
     * is subscribed. Invalid addresses count against the limit too: probing is not free.
     */
    public Uni<Quota> subscribe(String rawEmail, String clientKey) {
        return Uni.createFrom().item(() -> limiter.consume(subscribeLimit, clientKey))
                .chain(quota -> {
                    String email = EmailAddresses.normalise(rawEmail);
                    return subscribers.register(email)
                            .chain(token -> token == null ? Uni.createFrom().voidItem() : confirmationMail.send(email, token)
                                    // The row is committed; a mail server hiccup must not leak as a different answer.
                                    .onFailure().invoke(e -> Log.warnf(e, "confirmation mail could not be sent"))
                                    .onFailure().recoverWithNull())
                            .replaceWith(quota);
                });
    }

    public Uni<Subscriber> confirm(String token) {
        return subscribers.confirm(token);
    }

    public Uni<Subscriber> unsubscribe(String token) {
        return subscribers.unsubscribe(token);
    }
}
