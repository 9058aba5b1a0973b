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
                        "SELECT s.* FROM catalog.subscriber s JOIN catalog.digest_unsubscribe u ON u.subscriber_id = s.id "
                                + "WHERE u.token_hash = :hash FOR UPDATE OF s", Subscriber.class)
                .setParameter("hash", hash)
                .getResultList())
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /**
     * Confirmed subscribers after {@code afterId}, in id order, whose digest of {@code week} is neither mailed nor
     * claimed by a run still within its lease (claimed after {@code leaseStart}). Walks the confirmed-subscriber index
     * and probes the send history by its (week, subscriber) key: one page costs the same at any list size.
     */
    public Uni<List<Subscriber>> confirmedNotMailed(String week, long afterId, OffsetDateTime leaseStart, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT s.* FROM catalog.subscriber s WHERE s.status = 'CONFIRMED' AND s.id > :after "
                                + "AND NOT EXISTS (SELECT 1 FROM catalog.digest_send d WHERE d.week = :week "
                                + "AND d.subscriber_id = s.id AND (d.mailed_at IS NOT NULL OR d.claimed_at > :leaseStart)) "
                                + "ORDER BY s.id LIMIT :limit", Subscriber.class)
                .setParameter("after", afterId)
                .setParameter("week", week)
                .setParameter("leaseStart", leaseStart)
                .setParameter("limit", limit)
                .getResultList());
    }

    /**
     * 1 when this call claimed the send: no row yet, or an unmailed claim whose lease ended (its run died). 0 when the
     * digest was mailed or another run holds the claim.
     */
    public Uni<Integer> claimSend(long subscriberId, String week, OffsetDateTime now, OffsetDateTime leaseStart) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO catalog.digest_send AS d (week, subscriber_id, claimed_at) VALUES (:week, :id, :now) "
                                + "ON CONFLICT (week, subscriber_id) DO UPDATE SET claimed_at = EXCLUDED.claimed_at "
                                + "WHERE d.mailed_at IS NULL AND d.claimed_at <= :leaseStart")
                .setParameter("id", subscriberId)
                .setParameter("week", week)
                .setParameter("now", now)
                .setParameter("leaseStart", leaseStart)
                .executeUpdate());
    }

    public Uni<Void> addUnsubscribeToken(long subscriberId, String week, String hash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO catalog.digest_unsubscribe (token_hash, subscriber_id, week) VALUES (:hash, :id, :week)")
                .setParameter("hash", hash)
                .setParameter("id", subscriberId)
                .setParameter("week", week)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Integer> markMailed(String week, List<Long> subscriberIds, OffsetDateTime now) {
        if (subscriberIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "UPDATE catalog.digest_send SET mailed_at = :now WHERE week = :week AND subscriber_id IN (:ids)")
                .setParameter("now", now)
                .setParameter("week", week)
                .setParameter("ids", subscriberIds)
                .executeUpdate());
    }

    /** Drops an unmailed claim, so the next run retries the mail at once. */
    public Uni<Integer> releaseSend(long subscriberId, String week) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "DELETE FROM catalog.digest_send WHERE week = :week AND subscriber_id = :id AND mailed_at IS NULL")
                .setParameter("id", subscriberId)
                .setParameter("week", week)
                .executeUpdate());
    }

    public Uni<Long> countConfirmed() {
        return count("status", Subscriber.Status.CONFIRMED);
    }
}
