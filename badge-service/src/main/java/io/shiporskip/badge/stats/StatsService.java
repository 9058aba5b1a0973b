package io.shiporskip.badge.stats;

import io.shiporskip.badge.counting.DiscardReason;
import io.shiporskip.badge.counting.EventKind;
import io.shiporskip.badge.counting.Referrers;
import io.shiporskip.badge.counting.Source;
import io.shiporskip.model.ToolRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the counter sums into a maker's report: every day of the range present, zeros included. */
@ApplicationScoped
public class StatsService {

    private final StatsRepository repository;

    public StatsService(StatsRepository repository) {
        this.repository = repository;
    }

    /** {@code tool} is the tool the report is about; its slug keys the counters. */
    public Uni<MakerStats> stats(ToolRef tool, StatsRange range) {
        String slug = tool.slug();
        LocalDate from = range.from();
        LocalDate to = range.to();
        // Sequential on one pooled connection at a time: a rare maker request should not take three.
        return repository.byDay(slug, from, to).flatMap(days -> repository.topReferrers(slug, from, to)
                .flatMap(hosts -> repository.byPlacement(slug, from, to)
                        .map(placements -> assemble(tool, range, days, hosts, placements))));
    }

    static MakerStats assemble(ToolRef tool, StatsRange range, List<StatsRepository.DayCount> dayCounts,
            List<StatsRepository.HostCount> hosts, List<StatsRepository.PlacementCount> placements) {
        Map<LocalDate, long[]> perDay = new HashMap<>();
        // [placement index][0 = impressions, 1 = clicks] per day; discarded events have no placement worth showing.
        Map<LocalDate, long[][]> placementsPerDay = new HashMap<>();
        long[] total = new long[CELLS];
        for (StatsRepository.DayCount c : dayCounts) {
            int cell = cell(c.kind(), c.source(), c.discardReason());
            if (cell < 0) {
                continue; // the table's CHECK constraints make this unreachable
            }
            perDay.computeIfAbsent(c.day(), d -> new long[CELLS])[cell] += c.n();
            total[cell] += c.n();
            int placement = MakerStats.PLACEMENTS.indexOf(c.placement());
            if (cell < DISCARDED && placement >= 0) {
                placementsPerDay.computeIfAbsent(c.day(), d -> new long[MakerStats.PLACEMENTS.size()][2])[placement][cell == CLICKS ? 1 : 0] += c.n();
            }
        }
        List<MakerStats.Day> days = new ArrayList<>((int) range.days());
        for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
            long[][] byPlacement = placementsPerDay.get(d);
            List<MakerStats.PlacementCount> dayPlacements = new ArrayList<>(MakerStats.PLACEMENTS.size());
            for (int i = 0; i < MakerStats.PLACEMENTS.size(); i++) {
                dayPlacements.add(new MakerStats.PlacementCount(MakerStats.PLACEMENTS.get(i),
                        byPlacement == null ? 0 : byPlacement[i][0], byPlacement == null ? 0 : byPlacement[i][1]));
            }
            days.add(new MakerStats.Day(d, counts(perDay.getOrDefault(d, new long[CELLS])), dayPlacements));
        }
        List<MakerStats.Referrer> referrers = hosts.stream()
                .map(h -> new MakerStats.Referrer(Referrers.NONE.equals(h.host()) ? null : h.host(), h.impressions(), h.clicks()))
                .toList();
        List<MakerStats.PlacementCount> byPlacement = placements.stream()
                .map(p -> new MakerStats.PlacementCount(p.placement(), p.impressions(), p.clicks()))
                .toList();
        return new MakerStats(tool, range.from(), range.to(), counts(total), days, referrers, byPlacement);
    }

    // Cells of one day: badge × source, embed × source, clicks, then discarded (any kind) by reason.
    private static final List<DiscardReason> REASONS = List.of(DiscardReason.CLIENT_CAP, DiscardReason.NETWORK_CAP,
            DiscardReason.NOT_NAVIGATION, DiscardReason.OWN_PAGE, DiscardReason.UNRECORDED);
    private static final int CLICKS = 6;
    private static final int DISCARDED = 7;
    private static final int CELLS = DISCARDED + REASONS.size();

    private static int cell(String kind, String source, String reason) {
        if (Source.DISCARDED.db.equals(source)) {
            for (int i = 0; i < REASONS.size(); i++) {
                if (REASONS.get(i).tag.equals(reason)) {
                    return DISCARDED + i;
                }
            }
            return DISCARDED + REASONS.indexOf(DiscardReason.UNRECORDED);
        }
        if (EventKind.CLICK.db.equals(kind)) {
            return CLICKS;
        }
        int base = EventKind.BADGE.db.equals(kind) ? 0 : EventKind.EMBED.db.equals(kind) ? 3 : -1;
        int offset = Source.DIRECT.db.equals(source) ? 0 : Source.GITHUB_CAMO.db.equals(source) ? 1 : Source.BOT.db.equals(source) ? 2 : -1;
        return base < 0 || offset < 0 ? -1 : base + offset;
    }

    private static MakerStats.Counts counts(long[] c) {
        return MakerStats.Counts.of(MakerStats.BySource.of(c[0], c[1], c[2]), MakerStats.BySource.of(c[3], c[4], c[5]), c[CLICKS],
                new MakerStats.Discards(c[DISCARDED], c[DISCARDED + 1], c[DISCARDED + 2], c[DISCARDED + 3], c[DISCARDED + 4]));
    }
}
