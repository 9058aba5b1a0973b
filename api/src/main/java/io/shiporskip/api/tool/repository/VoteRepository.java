package io.shiporskip.api.tool.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shiporskip.api.tool.entity.Vote;
import io.shiporskip.model.ReviewDecision;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Votes are written with one statement each and never loaded as entities, so identical requests at once cannot
 * trip over a row another one changed. Callers hold the tool's row lock, which orders every vote on that tool.
 */
@ApplicationScoped
public class VoteRepository implements PanacheRepositoryBase<Vote, Long> {

    /** The account's current vote on the tool, or null. */
    public Uni<ReviewDecision> decisionOf(long accountId, long toolId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select v.decision from Vote v where v.accountId = :account and v.toolId = :tool",
                        ReviewDecision.class)
                .setParameter("account", accountId)
                .setParameter("tool", toolId)
                .getSingleResultOrNull());
    }

    public Uni<Void> upsert(long accountId, long toolId, ReviewDecision decision) {
        return getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO catalog.vote (account_id, tool_id, decision, voted_at) VALUES (:account, :tool, :decision, now())"
                        + " ON CONFLICT (account_id, tool_id) DO UPDATE SET decision = EXCLUDED.decision, voted_at = now()")
                .setParameter("account", accountId)
                .setParameter("tool", toolId)
                .setParameter("decision", decision.name())
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> remove(long accountId, long toolId) {
        return getSession().chain(session -> session
                .createNativeQuery("DELETE FROM catalog.vote WHERE account_id = :account AND tool_id = :tool")
                .setParameter("account", accountId)
                .setParameter("tool", toolId)
                .executeUpdate())
                .replaceWithVoid();
    }
}
