package io.shiporskip.api.tool.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shiporskip.api.platform.AccountToolLinks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The one way maker rights change — an editor's grant or revoke, or an approved claim — and the audit trail every
 * change and every step of a claim leaves in {@code catalog.maker_audit}. Runs inside the caller's transaction, so
 * a right and its audit row commit together or not at all.
 */
@ApplicationScoped
public class MakerGrants {

    /** What happened. */
    public enum Event {
        CLAIMED, PROOF_ATTEMPT, APPROVED, REJECTED, GRANTED, REVOKED
    }

    /** How: a claim's proof (WELL_KNOWN, META, ADMIN) or an editor's route (EDITOR). */
    public static final String BY_EDITOR = "EDITOR";

    /**
     * One audit row. {@code actorId} is who acted (null: the api itself, an automatic proof), {@code accountId} whose
     * rights it concerns; {@code claimId}, {@code method}, {@code outcome} and {@code detail} may be null.
     */
    public record Entry(Event event, Long actorId, long accountId, long toolId, UUID claimId, String method,
            String outcome, String detail) {
    }

    /** Makes the account a maker of the tool; records GRANTED when it was not one yet. True when the right is new. */
    public Uni<Boolean> grant(long accountId, long toolId, Long actorId, UUID claimId, String method) {
        return AccountToolLinks.TOOL_MAKER.add(accountId, toolId).call(added -> added
                ? record(new Entry(Event.GRANTED, actorId, accountId, toolId, claimId, method, null, null))
                : Uni.createFrom().voidItem());
    }

    /** Takes the right away; records REVOKED when there was one. True when a right was removed. */
    public Uni<Boolean> revoke(long accountId, long toolId, Long actorId, String method) {
        return AccountToolLinks.TOOL_MAKER.remove(accountId, toolId).call(removed -> removed
                ? record(new Entry(Event.REVOKED, actorId, accountId, toolId, null, method, null, null))
                : Uni.createFrom().voidItem());
    }

    /** True when the account is already a maker of the tool. */
    public Uni<Boolean> isMaker(long accountId, long toolId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT count(*) FROM catalog.tool_maker WHERE account_id = :account AND tool_id = :tool", Long.class)
                .setParameter("account", accountId)
                .setParameter("tool", toolId)
                .getSingleResult())
                .map(count -> count > 0);
    }

    public Uni<Void> record(Entry entry) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO catalog.maker_audit (event, actor_id, account_id, tool_id, claim_id, method, outcome, detail)
                VALUES (:event, CAST(:actor AS bigint), :account, :tool, CAST(:claim AS uuid), CAST(:method AS varchar),
                        CAST(:outcome AS varchar), CAST(:detail AS varchar))""")
                .setParameter("event", entry.event().name())
                .setParameter("actor", entry.actorId())
                .setParameter("account", entry.accountId())
                .setParameter("tool", entry.toolId())
                .setParameter("claim", entry.claimId() == null ? null : entry.claimId().toString())
                .setParameter("method", entry.method())
                .setParameter("outcome", entry.outcome())
                .setParameter("detail", truncate(entry.detail()))
                .executeUpdate())
                .replaceWithVoid();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
