package io.shiporskip.badge.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The daily rows as RFC 4180 CSV ({@code \r\n} line ends, a header line). Text cells are quoted when needed
 * and guarded against spreadsheet formula injection, so a value can never run as a formula when opened.
 */
public final class StatsCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    /** Discards by reason, the JSON's counts.discardedBy: appended last, so earlier columns keep their places. */
    static final List<String> DISCARD_COLUMNS = List.of("discarded_client_cap", "discarded_network_cap",
            "discarded_not_navigation", "discarded_own_page", "discarded_unrecorded");
    /**
     * The first twelve columns as before; then counted impressions per placement (the JSON's days[].placements); then
     * discards by reason.
     */
    public static final List<String> HEADER = Stream.of(Stream.of("tool", "day",
            "badge_direct", "badge_github_camo", "badge_bot",
            "embed_direct", "embed_github_camo", "embed_bot",
            "human_impressions", "clicks", "click_through_rate", "discarded"),
            MakerStats.PLACEMENTS.stream().map(p -> "impressions_" + p), DISCARD_COLUMNS.stream()).flatMap(x -> x).toList();

    private StatsCsv() {
    }

    public static String write(MakerStats stats) {
        StringBuilder out = new StringBuilder(64 * (stats.days().size() + 1));
        line(out, HEADER.stream().map(StatsCsv::text).toList());
        for (MakerStats.Day d : stats.days()) {
            MakerStats.Counts c = d.counts();
            List<String> cells = new ArrayList<>(HEADER.size());
            cells.addAll(List.of(text(stats.tool().slug()), d.day().toString(),
                    Long.toString(c.badge().direct()), Long.toString(c.badge().githubCamo()), Long.toString(c.badge().bot()),
                    Long.toString(c.embed().direct()), Long.toString(c.embed().githubCamo()), Long.toString(c.embed().bot()),
                    Long.toString(c.humanImpressions()), Long.toString(c.clicks()),
                    c.clickThroughRate() == null ? "" : c.clickThroughRate().toString(), Long.toString(c.discarded())));
            for (MakerStats.PlacementCount p : d.placements()) {
                cells.add(Long.toString(p.impressions()));
            }
            MakerStats.Discards by = c.discardedBy();
            for (long n : new long[] {by.clientCap(), by.networkCap(), by.notNavigation(), by.ownPage(), by.unrecorded()}) {
                cells.add(Long.toString(n));
            }
            line(out, cells);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cells.get(i));
        }
        out.append("\r\n");
    }

    /**
     * A text cell that came from outside (slugs today; hosts or names if columns are added): a leading
     * {@code = + - @}, tab or CR gets a {@code '} so spreadsheets show it as text; then RFC 4180 quoting.
     * Numbers we computed are written as they are.
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
