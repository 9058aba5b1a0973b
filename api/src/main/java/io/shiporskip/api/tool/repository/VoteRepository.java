package io.shiporskip.api.tool.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shiporskip.api.tool.entity.Vote;
import io.shiporskip.model.ReviewDecision;
import io.shiporskip.model.Slugs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A vote (or its withdrawal) and the tool's community counts are one round trip to PostgreSQL instead of six (begin,
 * lock the tool, read the old vote, upsert, update the tool, commit): two statements sent as one simple query, which
 * PostgreSQL runs as one implicit transaction.
 * <ol>
 * <li>{@code SELECT … FOR NO KEY UPDATE} locks the tool's row: every vote on the tool, and every editorial write,
 * waits here, so locks are always taken tool first, vote row second, and two votes cannot deadlock;</li>
 * <li>one statement of CTEs reads the previous vote, upserts or deletes the vote row, moves the counts by the delta,
 * and answers the counts after it. In READ COMMITTED it takes its snapshot after the lock was granted, so it sees
 * every vote committed before — reading the old vote in the same statement as the lock would see the snapshot from
 * before the wait, and count a concurrent identical vote twice.</li>
 * </ol>
 * Other copies hear of the change from {@code VoteNotices} once it has committed, not from a NOTIFY in here (that
 * class says why). The values are written into the SQL text (the simple protocol has no parameters): only a validated
 * slug (letters, digits, hyphens), a number and an enum name, checked again here. docs/CONSISTENCY.md has the SQL that
 * checks the counts against the vote rows.
 */
@ApplicationScoped
public class VoteRepository implements PanacheRepositoryBase<Vote, Long> {

    /** What a vote or withdrawal did: {@code found} false means no tool has the slug; {@code name} is the tool's. */
    public record Outcome(boolean found, boolean changed, int ships, int skips, String name) {
    }

    private static final String LOCK = "SELECT id FROM catalog.tool WHERE slug = '%1$s' FOR NO KEY UPDATE;\n";

    /**
     * Found, changed, ships, skips, the tool's name (a vote's answer refers to the tool by slug and name). Unchanged, the counts are the tool row as this statement's snapshot shows it:
     * exact, as no other vote on the tool can commit while this transaction holds its lock.
     */
    private static final String ANSWER = """

            SELECT t.id IS NOT NULL, c.community_ships IS NOT NULL,
                   COALESCE(c.community_ships, t.community_ships), COALESCE(c.community_skips, t.community_skips),
                   t.name
            FROM (SELECT 1) AS one
            LEFT JOIN catalog.tool t ON t.slug = '%1$s'
            LEFT JOIN counted c ON true""";

    // %1$s slug, %2$d account, %3$s decision, %4$d and %5$d what it adds to ships and skips
    private static final String CAST = LOCK + """
            WITH target AS (
                SELECT id FROM catalog.tool WHERE slug = '%1$s'
            ), prev AS (
                SELECT v.decision FROM catalog.vote v JOIN target ON v.tool_id = target.id WHERE v.account_id = %2$d
            ), cast_vote AS (
                INSERT INTO catalog.vote (account_id, tool_id, decision, voted_at)
                SELECT %2$d, target.id, '%3$s', now() FROM target
                WHERE NOT EXISTS (SELECT 1 FROM prev WHERE prev.decision = '%3$s')
                ON CONFLICT (account_id, tool_id) DO UPDATE SET decision = EXCLUDED.decision, voted_at = EXCLUDED.voted_at
                RETURNING tool_id
            ), counted AS (
                UPDATE catalog.tool t SET
                    community_ships = t.community_ships + %4$d - (SELECT count(*) FROM prev WHERE decision = 'SHIP'),
                    community_skips = t.community_skips + %5$d - (SELECT count(*) FROM prev WHERE decision = 'SKIP'),
                    verdict_version = t.verdict_version + 1,
                    updated_at = now()
                FROM cast_vote c WHERE t.id = c.tool_id
                RETURNING t.community_ships, t.community_skips
            )""" + ANSWER;

    private static final String WITHDRAW = LOCK + """
            WITH withdrawn AS (
                DELETE FROM catalog.vote v USING catalog.tool t
                WHERE t.slug = '%1$s' AND v.tool_id = t.id AND v.account_id = %2$d
                RETURNING v.tool_id, v.decision
            ), counted AS (
                UPDATE catalog.tool t SET
                    community_ships = t.community_ships - CASE WHEN w.decision = 'SHIP' THEN 1 ELSE 0 END,
                    community_skips = t.community_skips - CASE WHEN w.decision = 'SKIP' THEN 1 ELSE 0 END,
                    verdict_version = t.verdict_version + 1,
                    updated_at = now()
                FROM withdrawn w WHERE t.id = w.tool_id
                RETURNING t.community_ships, t.community_skips
            )""" + ANSWER;

    private final Pool pool;

    public VoteRepository(Pool pool) {
        this.pool = pool;
    }

    /** Casts or changes the account's vote; the same vote again changes nothing. */
    public Uni<Outcome> cast(long accountId, String slug, ReviewDecision decision) {
        String sql = CAST.formatted(checked(slug), accountId, decision.name(),
                decision == ReviewDecision.SHIP ? 1 : 0, decision == ReviewDecision.SKIP ? 1 : 0);
        return pool.query(sql).execute().map(VoteRepository::outcome);
    }

    /** Removes the account's vote if there is one. */
    public Uni<Outcome> withdraw(long accountId, String slug) {
        String sql = WITHDRAW.formatted(checked(slug), accountId);
        return pool.query(sql).execute().map(VoteRepository::outcome);
    }

    /** The second statement's row (the first result is the lock's). */
    private static Outcome outcome(RowSet<Row> lock) {
        Row row = lock.next().iterator().next();
        if (!row.getBoolean(0)) {
            return new Outcome(false, false, 0, 0, null);
        }
        return new Outcome(true, row.getBoolean(1), row.getInteger(2), row.getInteger(3), row.getString(4));
    }

    /** Callers pass a slug Params.slug validated; checked again because it is written into the SQL text. */
    private static String checked(String slug) {
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("not a slug: " + slug);
        }
        return slug;
    }
}
