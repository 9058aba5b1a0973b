package io.shiporskip.badge.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads badges.badge_counter, already aggregated by PostgreSQL; every query is bounded by tool and day range.
 * Discarded events (source {@code discarded}) are in the daily sums only: referrers and placements describe counted events.
 */
@ApplicationScoped
public class StatsRepository {

    public static final int TOP_REFERRERS = 10;

    /** With the placement and discard reason, so one query gives the daily source, placement and discard splits. */
    static final String BY_DAY = """
            SELECT day, kind, source, placement, discard_reason, SUM(n)::bigint AS n FROM badges.badge_counter
            WHERE tool_slug = $1 AND day BETWEEN $2 AND $3
            GROUP BY day, kind, source, placement, discard_reason""";

    static final String TOP_REFERRER_HOSTS = """
            SELECT referrer_host,
                   COALESCE(SUM(n) FILTER (WHERE kind <> 'click'), 0)::bigint AS impressions,
                   COALESCE(SUM(n) FILTER (WHERE kind = 'click'), 0)::bigint AS clicks
            FROM badges.badge_counter
            WHERE tool_slug = $1 AND day BETWEEN $2 AND $3 AND source <> 'discarded'
            GROUP BY referrer_host
            ORDER BY SUM(n) DESC, referrer_host
            LIMIT $4""";

    static final String BY_PLACEMENT = """
            SELECT placement,
                   COALESCE(SUM(n) FILTER (WHERE kind <> 'click'), 0)::bigint AS impressions,
                   COALESCE(SUM(n) FILTER (WHERE kind = 'click'), 0)::bigint AS clicks
            FROM badges.badge_counter
            WHERE tool_slug = $1 AND day BETWEEN $2 AND $3 AND source <> 'discarded'
            GROUP BY placement
            ORDER BY SUM(n) DESC, placement""";

    /** One (day, kind, source, placement, discard reason) sum; the reason is "" for counted events. */
    public record DayCount(LocalDate day, String kind, String source, String placement, String discardReason, long n) {
    }

    public record HostCount(String host, long impressions, long clicks) {
    }

    public record PlacementCount(String placement, long impressions, long clicks) {
    }

    private final Pool pool;

    public StatsRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<DayCount>> byDay(String slug, LocalDate from, LocalDate to) {
        return pool.preparedQuery(BY_DAY).execute(Tuple.of(slug, from, to)).map(rows -> {
            List<DayCount> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new DayCount(r.getLocalDate("day"), r.getString("kind"), r.getString("source"), r.getString("placement"),
                        r.getString("discard_reason"), r.getLong("n")));
            }
            return out;
        });
    }

    public Uni<List<HostCount>> topReferrers(String slug, LocalDate from, LocalDate to) {
        return pool.preparedQuery(TOP_REFERRER_HOSTS).execute(Tuple.of(slug, from, to, TOP_REFERRERS)).map(rows -> {
            List<HostCount> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new HostCount(r.getString("referrer_host"), r.getLong("impressions"), r.getLong("clicks")));
            }
            return out;
        });
    }

    public Uni<List<PlacementCount>> byPlacement(String slug, LocalDate from, LocalDate to) {
        return pool.preparedQuery(BY_PLACEMENT).execute(Tuple.of(slug, from, to)).map(rows -> {
            List<PlacementCount> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new PlacementCount(r.getString("placement"), r.getLong("impressions"), r.getLong("clicks")));
            }
            return out;
        });
    }
}
