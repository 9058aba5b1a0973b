package io.shiporskip.api.account.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shiporskip.api.account.entity.Bookmark;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class BookmarkRepository implements PanacheRepositoryBase<Bookmark, Long> {

    /** Newest first, {@code limit + 1} rows so the caller can tell whether another page follows. */
    public Uni<List<Bookmark>> page(long accountId, Long beforeId, int limit) {
        String where = beforeId == null ? "b.accountId = ?1" : "b.accountId = ?1 and b.id < ?2";
        Object[] params = beforeId == null ? new Object[] {accountId} : new Object[] {accountId, beforeId};
        return find("from Bookmark b join fetch b.tool where " + where + " order by b.id desc", params)
                .page(0, limit + 1).list();
    }
}
