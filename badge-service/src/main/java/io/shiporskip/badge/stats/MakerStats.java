package io.shiporskip.badge.stats;

import io.shiporskip.model.ToolRef;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON answer of the maker statistics route (all counts are events in the inclusive UTC day range). */
public record MakerStats(
        @Schema(description = "The tool, as every response refers to one: slug and display name (the name is the slug "
                + "itself only while api cannot be reached and this service has never seen the tool)")
        ToolRef tool,
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
     * {@code discarded} = impressions and clicks served but not counted; they are in no other figure.
     * {@code discardedBy} splits it by reason.
     */
    public record Counts(BySource badge, BySource embed, long humanImpressions, long clicks,
            @Schema(nullable = true, description = "clicks ÷ human impressions (0..1, 4 places); null without human impressions")
            Double clickThroughRate,
            @Schema(description = "impressions and clicks served but not counted (the sum of discardedBy)")
            long discarded,
            Discards discardedBy) {

        static Counts of(BySource badge, BySource embed, long clicks, Discards discarded) {
            long human = badge.direct() + badge.githubCamo() + embed.direct() + embed.githubCamo();
            Double ctr = human == 0 ? null : Math.min(1.0, Math.round(10_000.0 * clicks / human) / 10_000.0);
            return new Counts(badge, embed, human, clicks, ctr, discarded.total(), discarded);
        }
    }

    /** Why events were discarded; the reasons sum to {@code discarded}. */
    public record Discards(
            @Schema(description = "over the per-client cap of the minute (a client: an IPv4 address or an IPv6 /64)")
            long clientCap,
            @Schema(description = "over the per-network ceiling of the minute (an IPv4 /24 or an IPv6 /48)")
            long networkCap,
            @Schema(description = "clicks the browser said were no top-level navigation (an iframe, an image, a fetch)")
            long notNavigation,
            @Schema(description = "loads and clicks from Ship or Skip's own pages (the review page's preview)")
            long ownPage,
            @Schema(description = "discarded before reasons were recorded (a client cap or no navigation)")
            long unrecorded) {

        long total() {
            return clientCap + networkCap + notNavigation + ownPage + unrecorded;
        }
    }

    /**
     * One UTC day: its counts, and its counted (not discarded) impressions and clicks by placement — every placement
     * in {@link #PLACEMENTS} order, zeros included, so a chart stacked by placement needs no gaps filled.
     */
    public record Day(LocalDate day, Counts counts,
            @Schema(description = "counted impressions and clicks of the day by placement: readme, site, docs, other, embed, "
                    + "unspecified, always all six in this order")
            List<PlacementCount> placements) {
    }

    /** The placements of {@link Day#placements()}, in their order: the {@code src} values, then "unspecified". */
    public static final List<String> PLACEMENTS = java.util.Arrays.stream(io.shiporskip.badge.counting.Placement.values())
            .map(p -> p.param).toList();

    /** {@code host} is null for events whose request named no (usable) referrer. */
    public record Referrer(@Schema(nullable = true, description = "lower-case host; null when no usable referrer was sent")
            String host, long impressions, long clicks) {
    }

    public record PlacementCount(String placement, long impressions, long clicks) {
    }
}
