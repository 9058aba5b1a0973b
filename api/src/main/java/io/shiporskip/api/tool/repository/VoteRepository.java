package io.shiporskip.api.tool.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shiporskip.api.tool.entity.Vote;
import io.shiporskip.model.ReviewDecision;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A vote (or its withdrawal) and the tool's community counts are one round trip to PostgreSQL: a call of
 * {@code catalog.set_vote} (migrations V8, V9), which refuses an account that has not proved its e-mail address, locks the tool's row, reads the previous vote after the lock was
 * granted, writes or deletes the vote row and moves the counts by the delta. That migration says
 * why this is exact under concurrency and why it is a function: PostgreSQL keeps its statements' plans per connection,
 * where SQL text sent on every vote was planned on every vote. Other copies hear of the change from
 * {@code VoteNotices} once it has committed, not from a NOTIFY in here (that class says why). docs/CONSISTENCY.md has
 * the SQL that checks the counts against the vote rows.
 */
@ApplicationScoped
public class VoteRepository implements PanacheRepositoryBase<Vote, Long> {

    /**
     * What a vote or withdrawal did: {@code proved} false means the account has not proved its e-mail address and
     * nothing was written (migration V9); {@code found} false means no tool has the slug; {@code name} is the tool's.
     */
    public record Outcome(boolean proved, boolean found, boolean changed, int ships, int skips, String name) {
    }

    private static final String SET_VOTE =
            "SELECT proved, found, changed, ships, skips, tool_name FROM catalog.set_vote($1, $2, $3)";

    private final Pool pool;

    public VoteRepository(Pool pool) {
        this.pool = pool;
    }

    /** Casts or changes the account's vote; the same vote again changes nothing. */
    public Uni<Outcome> cast(long accountId, String slug, ReviewDecision decision) {
        return setVote(accountId, slug, decision.name());
    }

    /** Removes the account's vote if there is one. */
    public Uni<Outcome> withdraw(long accountId, String slug) {
        return setVote(accountId, slug, null);
    }

    /** {@code decision} null withdraws. */
    private Uni<Outcome> setVote(long accountId, String slug, String decision) {
        return pool.preparedQuery(SET_VOTE).execute(Tuple.tuple().addLong(accountId).addString(slug).addString(decision))
                .map(VoteRepository::outcome);
    }

    private static Outcome outcome(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        if (!row.getBoolean(0) || !row.getBoolean(1)) {
            return new Outcome(row.getBoolean(0), false, false, 0, 0, null);
        }
        return new Outcome(true, true, row.getBoolean(2), row.getInteger(3), row.getInteger(4), row.getString(5));
    }
}
