package io.shiporskip.api.newsletter;

import io.shiporskip.api.platform.Tokens;

import io.shiporskip.api.config.ApiConfig.Newsletter;
import io.shiporskip.api.config.ApiConfig;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.shiporskip.api.platform.ApiProblem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Every write to the subscriber and digest_send tables, each in its own transaction. */
@ApplicationScoped
public class SubscriberService {

    /** A digest this run may send: the row is recorded, the raw token exists only here and in the mail. */
    public record Claim(long subscriberId, String email, String unsubscribeToken) {
    }

    /** One page of confirmed subscribers; {@code lastId} is where the next page starts. */
    public record Batch(List<Claim> claims, long lastId, boolean more) {
    }

    private final SubscriberRepository subscribers;
    private final Newsletter config;

    public SubscriberService(SubscriberRepository subscribers, ApiConfig apiConfig) {
        Newsletter config = apiConfig.newsletter();
        this.subscribers = subscribers;
        this.config = config;
    }

    /**
     * Starts (or restarts) the double opt-in for a normalised address. Returns the raw confirmation token to
     * mail, or null when the address is already confirmed and there is nothing to send.
     */
    @WithTransaction
    public Uni<String> register(String email) {
        return subscribers.lockOrCreate(email).chain(subscriber -> {
            if (subscriber.status == Subscriber.Status.CONFIRMED) {
                return Uni.createFrom().nullItem();
            }
            // Earlier links stay valid until they expire: a second sign-up must not break the first mail's link.
            String token = Tokens.generate();
            OffsetDateTime expires = now().plus(config.confirmTtl());
            subscriber.status = Subscriber.Status.PENDING;
            return subscribers.addConfirmation(subscriber.id, Tokens.hash(token), expires).replaceWith(token);
        });
    }

    @WithTransaction
    public Uni<Subscriber> confirm(String token) {
        if (!Tokens.wellFormed(token)) {
            return Uni.createFrom().failure(invalidToken());
        }
        return subscribers.findByConfirmHash(Tokens.hash(token)).chain(subscriber -> {
            if (subscriber == null) {
                return Uni.createFrom().failure(invalidToken());
            }
            subscriber.status = Subscriber.Status.CONFIRMED;
            subscriber.confirmedAt = now();
            subscriber.unsubscribedAt = null;
            // Single use: every pending link goes, so none can confirm again.
            return subscribers.dropConfirmations(subscriber.id).replaceWith(subscriber);
        });
    }

    /** Idempotent: a second click on the same link answers the same. */
    @WithTransaction
    public Uni<Subscriber> unsubscribe(String token) {
        if (!Tokens.wellFormed(token)) {
            return Uni.createFrom().failure(invalidToken());
        }
        return subscribers.findByUnsubscribeHash(Tokens.hash(token)).chain(subscriber -> {
            if (subscriber == null) {
                return Uni.createFrom().failure(invalidToken());
            }
            if (subscriber.status != Subscriber.Status.UNSUBSCRIBED) {
                subscriber.status = Subscriber.Status.UNSUBSCRIBED;
                subscriber.unsubscribedAt = now();
                    Log.infof("subscriber %d unsubscribed", subscriber.id);
                return subscribers.dropConfirmations(subscriber.id).replaceWith(subscriber);
            }
            return Uni.createFrom().item(subscriber);
        });
    }

    /**
     * Claims the digest of {@code week} for the next page of confirmed subscribers, committed before any mail leaves
     * (so no other run mails them while this one holds the claim); each claim comes with a fresh unsubscribe token.
     * A crash after this point leaves the claims unmailed, and a run after {@code leaseStart} passes them mails them.
     */
    @WithTransaction
    public Uni<Batch> claimBatch(String week, long afterId, int size, OffsetDateTime now, OffsetDateTime leaseStart) {
        return subscribers.confirmedNotMailed(week, afterId, leaseStart, size).chain(page -> {
            long lastId = page.isEmpty() ? afterId : page.get(page.size() - 1).id;
            boolean more = page.size() == size;
            return Multi.createFrom().iterable(page)
                    // One statement at a time: a reactive session must not run two at once.
                    .onItem().transformToUniAndConcatenate(subscriber -> subscribers
                            .claimSend(subscriber.id, week, now, leaseStart)
                            .chain(claimed -> {
                                if (claimed != 1) {
                                    return Uni.createFrom().item(Optional.<Claim>empty());
                                }
                                String token = Tokens.generate();
                                return subscribers.addUnsubscribeToken(subscriber.id, week, Tokens.hash(token))
                                        .replaceWith(Optional.of(new Claim(subscriber.id, subscriber.email, token)));
                            }))
                    .filter(Optional::isPresent).map(Optional::get)
                    .collect().asList()
                    .map(claims -> new Batch(claims, lastId, more));
        });
    }

    /** The batch's mails have gone out: later runs skip these subscribers for this week. */
    @WithTransaction
    public Uni<Integer> markMailed(String week, List<Long> subscriberIds, OffsetDateTime now) {
        return subscribers.markMailed(week, subscriberIds, now);
    }

    /** Undoes a claim whose mail could not be handed to the mail server, so the next run retries it. */
    @WithTransaction
    public Uni<Void> release(long subscriberId, String week) {
        return subscribers.releaseSend(subscriberId, week).replaceWithVoid();
    }

    @WithSession
    public Uni<Long> confirmedCount() {
        return subscribers.countConfirmed();
    }

    /** Pending sign-ups whose confirmation link has expired; returns how many were deleted. */
    @WithTransaction
    public Uni<Long> purgeUnconfirmed() {
        return subscribers.purgeWithoutLiveLinks();
    }

    static ApiProblem invalidToken() {
        return ApiProblem.badParameter("token", "is invalid, expired or already used");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
