package io.shiporskip.api.platform;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Idempotent add and remove of a row tying an account to a tool (a bookmark, a maker grant) in a table with a unique
 * {@code (account_id, tool_id)}. Each is one statement, so any number of identical requests at once all succeed and
 * leave exactly one row or none: nothing is read first, so nothing can be stale when it is written.
 */
public enum AccountToolLinks {

    BOOKMARK("catalog.bookmark", "created_at"),
    TOOL_MAKER("catalog.tool_maker", "granted_at");

    private final String insert;
    private final String delete;

    AccountToolLinks(String table, String stampColumn) {
        this.insert = "INSERT INTO " + table + " (account_id, tool_id, " + stampColumn + ") VALUES (:account, :tool, now())"
                + " ON CONFLICT (account_id, tool_id) DO NOTHING";
        this.delete = "DELETE FROM " + table + " WHERE account_id = :account AND tool_id = :tool";
    }

    /** True when the row is new. */
    public Uni<Boolean> add(long accountId, long toolId) {
        return execute(insert, accountId, toolId);
    }

    /** True when a row was there. */
    public Uni<Boolean> remove(long accountId, long toolId) {
        return execute(delete, accountId, toolId);
    }

    private static Uni<Boolean> execute(String sql, long accountId, long toolId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("account", accountId)
                .setParameter("tool", toolId)
                .executeUpdate())
                .map(rows -> rows > 0);
    }
}
