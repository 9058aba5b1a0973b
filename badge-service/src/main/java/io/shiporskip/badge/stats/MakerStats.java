package io.shiporskip.badge.stats;

import java.time.LocalDate;
import java.util.List;

/** The JSON answer of the maker statistics route (all counts are events in the inclusive UTC day range). */
public record MakerStats(
        String tool,
        LocalDate from,
        LocalDate to,
        Counts totals,
        List<Day> days,
        List<Referrer> referrers,
        List<PlacementCount> placements) {

    /** Impressions of one kind (badge or embed) by source. */
    public record BySource(long direct, long githubCamo, long bot, long total) {

        static BySource of(long direct, long githubCamo, long bot) {
            return new BySource(direct, githubCamo, bot, direct + githubCamo + bot);
        }
    }

    /**
     * {@code humanImpressions} = badge + embed impressions that are not bots; {@code clickThroughRate} =
     * clicks ÷ human impressions, rounded to 4 places and never above 1 (readers can click a link without us
     * seeing the image load, e.g. from a cached page), null when there were no human impressions.
     * {@code discarded} = impressions and clicks served but not counted (over a client's cap, or a click that was
     * no top-level navigation); they are in no other figure.
     */
    public record Counts(BySource badge, BySource embed, long humanImpressions, long clicks, Double clickThroughRate,
            long discarded) {

        static Counts of(BySource badge, BySource embed, long clicks, long discarded) {
            long human = badge.direct() + badge.githubCamo() + embed.direct() + embed.githubCamo();
            Double ctr = human == 0 ? null : Math.min(1.0, Math.round(10_000.0 * clicks / human) / 10_000.0);
            return new Counts(badge, embed, human, clicks, ctr, discarded);
        }
    }

    public record Day(LocalDate day, Counts counts) {
    }

    /** {@code host} is null for events whose request named no (usable) referrer. */
    public record Referrer(String host, long impressions, long clicks) {
    }

    public record PlacementCount(String placement, long impressions, long clicks) {
    }
}
