package io.shiporskip.api.digest;

import io.shiporskip.model.VerdictDecision;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One ISO week's new verdicts, most-shipped first. {@code from} and {@code to} are the week's Monday and
 * Sunday (UTC, both included).
 */
public record WeeklyDigest(String week, LocalDate from, LocalDate to, List<Entry> verdicts) {

    /** {@code panelSplit} is how the site words it ("4 ship / 0 skip"); {@code summary} is the tool's tagline. */
    @Schema(name = "DigestEntry")
    public record Entry(String slug, String name, VerdictDecision decision, int ships, int skips, String panelSplit,
            String summary, String url) {
    }
}
