package io.shiporskip.api.tool.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shiporskip.api.tool.entity.ToolMaker;
import io.shiporskip.model.ToolRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ToolMakerRepository implements PanacheRepositoryBase<ToolMaker, Long> {

    /** Slugs of the tools this account is a maker of, alphabetically (what the JWT's tools claim lists). */
    public Uni<List<String>> slugsOwnedBy(long accountId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select m.tool.slug from ToolMaker m where m.accountId = :account "
                        + "order by m.tool.slug", String.class)
                .setParameter("account", accountId)
                .getResultList());
    }

    /** The same tools as {@link #slugsOwnedBy}, in the same order, each as responses refer to a tool: slug and name. */
    public Uni<List<ToolRef>> toolsOwnedBy(long accountId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select m.tool.slug, m.tool.name from ToolMaker m where m.accountId = :account "
                        + "order by m.tool.slug", Object[].class)
                .setParameter("account", accountId)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new ToolRef((String) row[0], (String) row[1])).toList());
    }
}
