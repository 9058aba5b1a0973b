package io.shiporskip.api.tool.claim.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shiporskip.api.tool.claim.entity.ClaimStatus;
import io.shiporskip.api.tool.claim.entity.ProofMethod;
import io.shiporskip.api.tool.claim.entity.ToolClaim;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Claims are created and moved on by single statements that say which state they start from, so any number of
 * identical requests at once leave one open claim per (account, tool) and one decision per claim.
 */
@ApplicationScoped
public class ClaimRepository implements PanacheRepositoryBase<ToolClaim, UUID> {

    private static final String OPEN = "('AWAITING_PROOF', 'IN_REVIEW')";

    /** The new claim's id, or null when the account already has an open claim on the tool. */
    public Uni<UUID> insertOpen(long toolId, long accountId, String token) {
        return getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO catalog.tool_claim (tool_id, account_id, token) VALUES (:tool, :account, :token) "
                        + "ON CONFLICT (account_id, tool_id) WHERE status IN " + OPEN
                        + " DO NOTHING RETURNING CAST(id AS varchar)", String.class)
                .setParameter("tool", toolId)
                .setParameter("account", accountId)
                .setParameter("token", token)
                .getResultList())
                .map(ids -> ids.isEmpty() ? null : UUID.fromString(ids.get(0)));
    }

    /** The claim with its tool; null when there is none. */
    public Uni<ToolClaim> findWithTool(UUID id) {
        return find("from ToolClaim c join fetch c.tool where c.id = ?1", id).firstResult();
    }

    public Uni<ToolClaim> findOpen(long accountId, long toolId) {
        return find("from ToolClaim c join fetch c.tool where c.accountId = ?1 and c.tool.id = ?2 and c.status in ?3",
                accountId, toolId, List.of(ClaimStatus.AWAITING_PROOF, ClaimStatus.IN_REVIEW)).firstResult();
    }

    /**
     * Moves the claim to {@code to} if it is in one of {@code from}; true when it moved. Decided states get
     * {@code decided_at}; {@code provedBy} and {@code reason} are set as given (null clears).
     */
    public Uni<Boolean> move(UUID id, List<ClaimStatus> from, ClaimStatus to, ProofMethod provedBy, String reason) {
        // The IN list holds enum names only, never input.
        String states = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
        String decided = to.open() ? "NULL" : "now()";
        return getSession().chain(session -> session.createNativeQuery(
                "UPDATE catalog.tool_claim SET status = :to, proved_by = CAST(:by AS varchar), "
                        + "reason = CAST(:reason AS varchar), decided_at = " + decided
                        + " WHERE id = CAST(:id AS uuid) AND status IN " + states)
                .setParameter("to", to.name())
                .setParameter("by", provedBy == null ? null : provedBy.name())
                .setParameter("reason", reason)
                .setParameter("id", id.toString())
                .executeUpdate())
                .map(rows -> rows > 0);
    }

    /** One page of a status, oldest first, after (createdAt, id); {@code limit + 1} rows (range is inclusive) to tell whether more follow. */
    public Uni<List<ToolClaim>> page(ClaimStatus status, OffsetDateTime afterCreated, UUID afterId, int limit) {
        if (afterCreated == null) {
            return find("from ToolClaim c join fetch c.tool where c.status = ?1 order by c.createdAt, c.id", status)
                    .range(0, limit).list();
        }
        return find("from ToolClaim c join fetch c.tool where c.status = ?1 and (c.createdAt > ?2 "
                + "or (c.createdAt = ?2 and c.id > ?3)) order by c.createdAt, c.id", status, afterCreated, afterId)
                .range(0, limit).list();
    }
}
