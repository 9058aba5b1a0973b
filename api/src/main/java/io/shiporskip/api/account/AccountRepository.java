package io.shiporskip.api.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, Long> {

    /** {@code email} must already be normalised. */
    public Uni<Account> findByEmail(String email) {
        return find("email", email).firstResult();
    }

    /** Slugs of the tools this account is a maker of, alphabetically (what the JWT's tools claim lists). */
    public Uni<List<String>> ownedSlugs(Long accountId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select m.tool.slug from ToolMaker m where m.account.id = :account "
                        + "order by m.tool.slug", String.class)
                .setParameter("account", accountId)
                .getResultList());
    }
}
