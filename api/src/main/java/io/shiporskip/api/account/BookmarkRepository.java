package io.shiporskip.api.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shiporskip.api.domain.Tool;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class BookmarkRepository implements PanacheRepositoryBase<Bookmark, Long> {

    public Uni<Bookmark> find(Account account, Tool tool) {
        return find("account = ?1 and tool = ?2", account, tool).firstResult();
    }

    /** Newest first, {@code limit + 1} rows so the caller can tell whether another page follows. */
    public Uni<List<Bookmark>> page(Long accountId, Long beforeId, int limit) {
        String where = beforeId == null ? "b.account.id = ?1" : "b.account.id = ?1 and b.id < ?2";
        Object[] params = beforeId == null ? new Object[] {accountId} : new Object[] {accountId, beforeId};
        return find("from Bookmark b join fetch b.tool where " + where + " order by b.id desc", params)
                .page(0, limit + 1).list();
    }
}
