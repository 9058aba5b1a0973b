package io.shiporskip.api.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shiporskip.api.domain.Tool;
import io.shiporskip.model.ReviewDecision;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class VoteRepository implements PanacheRepositoryBase<Vote, Long> {

    public Uni<Vote> find(Account account, Tool tool) {
        return find("account = ?1 and tool = ?2", account, tool).firstResult();
    }

    /** [ships, skips] as the vote table has them now (flush first). */
    public Uni<int[]> count(Tool tool) {
        return getSession().chain(session -> session
                .createSelectionQuery("select v.decision, count(v) from Vote v where v.tool = :tool group by v.decision",
                        Object[].class)
                .setParameter("tool", tool)
                .getResultList())
                .map(rows -> {
                    int[] counts = new int[2];
                    for (Object[] row : rows) {
                        counts[row[0] == ReviewDecision.SHIP ? 0 : 1] = ((Long) row[1]).intValue();
                    }
                    return counts;
                });
    }
}
