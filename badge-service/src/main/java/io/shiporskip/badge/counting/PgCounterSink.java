package io.shiporskip.badge.counting;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * One statement per batch: the rows travel as arrays and unnest into a single upsert, so a batch of any size
 * is one round trip and one transaction.
 */
@ApplicationScoped
public class PgCounterSink implements CounterSink {

    static final String UPSERT = """
            INSERT INTO badges.badge_counter AS c (tool_slug, day, kind, source, placement, referrer_host, discard_reason, n)
            SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[])
            ON CONFLICT (tool_slug, day, kind, source, placement, referrer_host, discard_reason)
            DO UPDATE SET n = c.n + excluded.n""";

    private final Pool pool;

    public PgCounterSink(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Void> add(List<Increment> increments) {
        int size = increments.size();
        String[] slugs = new String[size];
        LocalDate[] days = new LocalDate[size];
        String[] kinds = new String[size];
        String[] sources = new String[size];
        String[] placements = new String[size];
        String[] referrers = new String[size];
        String[] reasons = new String[size];
        Long[] counts = new Long[size];
        for (int i = 0; i < size; i++) {
            Increment inc = increments.get(i);
            CounterKey k = inc.key();
            slugs[i] = k.slug();
            days[i] = LocalDate.ofEpochDay(k.epochDay());
            kinds[i] = k.kind().db;
            sources[i] = k.source().db;
            placements[i] = k.placement().param;
            referrers[i] = k.referrerHost();
            reasons[i] = k.discardReason();
            counts[i] = inc.n();
        }
        Tuple args = Tuple.tuple()
                .addArrayOfString(slugs)
                .addArrayOfLocalDate(days)
                .addArrayOfString(kinds)
                .addArrayOfString(sources)
                .addArrayOfString(placements)
                .addArrayOfString(referrers)
                .addArrayOfString(reasons)
                .addArrayOfLong(counts);
        return pool.preparedQuery(UPSERT).execute(args).replaceWithVoid();
    }
}
