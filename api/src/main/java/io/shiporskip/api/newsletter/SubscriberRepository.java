package io.shiporskip.api.newsletter;

import java.time.OffsetDateTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class SubscriberRepository implements PanacheRepositoryBase<Subscriber, Long> {

    /**
     * Makes sure a row exists for the address without failing when two sign-ups race (the unique constraint
     * would otherwise turn the loser into a 500), then locks it for the caller's transaction.
     */
    public Uni<Subscriber> lockOrCreate(String email) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO catalog.subscriber (email, status) "
                                + "VALUES (:email, 'PENDING') ON CONFLICT (email) DO NOTHING")
                        .setParameter("email", email)
                        .executeUpdate())
                .chain(() -> find("email", email).withLock(LockModeType.PESSIMISTIC_WRITE).singleResult());
    }

    /** The subscriber an unexpired confirmation link was mailed to (locked), or null. */
    public Uni<Subscriber> findByConfirmHash(String hash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT s.* FROM catalog.subscriber s JOIN catalog.subscriber_confirmation c ON c.subscriber_id = s.id "
                                + "WHERE c.token_hash = :hash AND c.expires_at > now() FOR UPDATE OF s", Subscriber.class)
                .setParameter("hash", hash)
                .getResultList())
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    public Uni<Void> addConfirmation(long subscriberId, String hash, OffsetDateTime expiresAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO catalog.subscriber_confirmation (token_hash, subscriber_id, expires_at) "
                                + "VALUES (:hash, :subscriber, :expires)")
                .setParameter("hash", hash)
                .setParameter("subscriber", subscriberId)
                .setParameter("expires", expiresAt)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Pending sign-ups none of whose links can still be followed. */
    public Uni<Long> purgeWithoutLiveLinks() {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        DELETE FROM catalog.subscriber s WHERE s.status = 'PENDING' AND NOT EXISTS (
                            SELECT 1 FROM catalog.subscriber_confirmation c WHERE c.subscriber_id = s.id AND c.expires_at > now())""")
                .executeUpdate())
                .map(Integer::longValue);
    }

    /** Spends every pending link of the subscriber: one use confirms, and unsubscribing ends them too. */
    public Uni<Void> dropConfirmations(long subscriberId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM catalog.subscriber_confirmation WHERE subscriber_id = :subscriber")
                .setParameter("subscriber", subscriberId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The subscriber a digest's unsubscribe token was issued to (locked), or null. */
    public Uni<Subscriber> findByUnsubscribeHash(String hash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT s.* FROM catalog.subscriber s JOIN catalog.digest_send d ON d.subscriber_id = s.id "
                                + "WHERE d.unsubscribe_token_hash = :hash FOR UPDATE OF s", Subscriber.class)
                .setParameter("hash", hash)
                .getResultList())
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** Confirmed subscribers after {@code afterId} who have not been sent {@code week}, in id order. */
    public Uni<List<Subscriber>> confirmedNotSent(String week, long afterId, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT s.* FROM catalog.subscriber s WHERE s.status = 'CONFIRMED' AND s.id > :after "
                                + "AND NOT EXISTS (SELECT 1 FROM catalog.digest_send d WHERE d.subscriber_id = s.id "
                                + "AND d.week = :week) ORDER BY s.id LIMIT :limit", Subscriber.class)
                .setParameter("after", afterId)
                .setParameter("week", week)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** 1 when this call recorded the send, 0 when (subscriber, week) was already recorded. */
    public Uni<Integer> claimSend(long subscriberId, String week, String unsubscribeHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO catalog.digest_send (subscriber_id, week, unsubscribe_token_hash) "
                                + "VALUES (:id, :week, :hash) ON CONFLICT (subscriber_id, week) DO NOTHING")
                .setParameter("id", subscriberId)
                .setParameter("week", week)
                .setParameter("hash", unsubscribeHash)
                .executeUpdate());
    }

    public Uni<Integer> releaseSend(long subscriberId, String week) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "DELETE FROM catalog.digest_send WHERE subscriber_id = :id AND week = :week")
                .setParameter("id", subscriberId)
                .setParameter("week", week)
                .executeUpdate());
    }
}
