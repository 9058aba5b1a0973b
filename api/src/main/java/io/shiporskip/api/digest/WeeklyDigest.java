package io.shiporskip.api.digest;

import io.shiporskip.model.VerdictDecision;
import java.time.LocalDate;
import java.util.List;

/**
 * One ISO week's new verdicts, most-shipped first. {@code from} and {@code to} are the week's Monday and
 * Sunday (UTC, both included).
 */
public record WeeklyDigest(String week, LocalDate from, LocalDate to, List<Entry> verdicts) {

    /** {@code panelSplit} is how the site words it ("4 ship / 0 skip"); {@code summary} is the tool's tagline. */
    public record Entry(String slug, String name, VerdictDecision call, int ships, int skips, String panelSplit,
            String summary, String url) {
    }
}
