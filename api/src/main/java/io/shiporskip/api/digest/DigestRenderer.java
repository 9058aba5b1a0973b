package io.shiporskip.api.digest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shiporskip.model.Markup;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The digest as HTML and plain text, from the type-safe Qute templates in {@code templates/DigestRenderer/}. The
 * web version ({@code /api/digests/weekly.html}) and the mail are the same document; the mail adds the unsubscribe
 * footer. The HTML template escapes everything it prints; catalog text is also cleaned of control and invisible
 * characters first, for the plain-text part too.
 */
public final class DigestRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private DigestRenderer() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance html(DigestView digest);

        static native TemplateInstance text(DigestView digest);
    }

    /** What the templates print; {@code unsubscribeUrl} null for the web version. */
    record DigestView(String week, String from, String to, List<Item> verdicts, long more, String fullWeekUrl,
            String unsubscribeUrl) {

        static DigestView of(WeeklyDigest digest, String unsubscribeUrl) {
            return of(digest, digest.verdicts().size(), null, unsubscribeUrl);
        }

        /** {@code more}: the week's verdicts past those shown, listed at {@code fullWeekUrl}. */
        static DigestView of(WeeklyDigest digest, long total, String fullWeekUrl, String unsubscribeUrl) {
            List<Item> items = digest.verdicts().stream().map(entry -> new Item(Markup.clean(entry.name()),
                    entry.decision().name(), Markup.clean(entry.panelSplit()), Markup.clean(entry.summary()),
                    entry.url())).toList();
            return new DigestView(digest.week(), DAY.format(digest.from()), DAY.format(digest.to()), items,
                    Math.max(0, total - items.size()), fullWeekUrl, unsubscribeUrl);
        }
    }

    record Item(String name, String decision, String panelSplit, String summary, String url) {
    }

    public static String subject(WeeklyDigest digest) {
        return subject(digest.week(), digest.verdicts().size());
    }

    /** The week's total, also when the mail shows only the first of them. */
    public static String subject(String week, long total) {
        return "Ship or Skip weekly: " + total + " new verdict" + (total == 1 ? "" : "s") + " (" + week + ")";
    }

    /** A mail's HTML: the first verdicts of the week, a link to the rest, the unsubscribe footer. */
    public static String html(WeeklyDigest shown, long total, String fullWeekUrl, String unsubscribeUrl) {
        return Templates.html(DigestView.of(shown, total, fullWeekUrl, unsubscribeUrl)).render();
    }

    public static String text(WeeklyDigest shown, long total, String fullWeekUrl, String unsubscribeUrl) {
        return Templates.text(DigestView.of(shown, total, fullWeekUrl, unsubscribeUrl)).render();
    }

    /** {@code unsubscribeUrl} null for the web version. */
    public static String html(WeeklyDigest digest, String unsubscribeUrl) {
        return Templates.html(DigestView.of(digest, unsubscribeUrl)).render();
    }

    public static String text(WeeklyDigest digest, String unsubscribeUrl) {
        return Templates.text(DigestView.of(digest, unsubscribeUrl)).render();
    }
}
