package io.shiporskip.api.digest;

import static io.shiporskip.api.platform.Html.escape;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The digest as HTML and plain text. The web version ({@code /api/digests/weekly.html}) and the mail are the
 * same document; the mail adds the unsubscribe footer. Every piece of catalog text is escaped.
 */
public final class DigestRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private DigestRenderer() {
    }

    public static String subject(WeeklyDigest digest) {
        return "Ship or Skip weekly: " + digest.verdicts().size() + " new verdict"
                + (digest.verdicts().size() == 1 ? "" : "s") + " (" + digest.week() + ")";
    }

    /** {@code unsubscribeUrl} null for the web version. */
    public static String html(WeeklyDigest digest, String unsubscribeUrl) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Ship or Skip weekly digest ").append(escape(digest.week())).append("</title></head>\n")
                .append("<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem\">\n")
                .append("<h1>This week's verdicts</h1>\n")
                .append("<p>").append(DAY.format(digest.from())).append(" to ").append(DAY.format(digest.to()))
                .append(" (").append(escape(digest.week())).append(")</p>\n");
        if (digest.verdicts().isEmpty()) {
            out.append("<p>No new verdicts this week.</p>\n");
        } else {
            out.append("<ol>\n");
            for (WeeklyDigest.Entry entry : digest.verdicts()) {
                out.append("<li><h2><a href=\"").append(escape(entry.url())).append("\">").append(escape(entry.name()))
                        .append("</a></h2>\n<p><strong>").append(entry.decision()).append("</strong> · ")
                        .append(escape(entry.panelSplit())).append("</p>\n<p>").append(escape(entry.summary()))
                        .append("</p></li>\n");
            }
            out.append("</ol>\n");
        }
        if (unsubscribeUrl != null) {
            out.append("<hr><p style=\"font-size:smaller\">You get this because you confirmed your sign-up for the "
                    + "Ship or Skip weekly digest. <a href=\"").append(escape(unsubscribeUrl))
                    .append("\">Unsubscribe</a> with one click.</p>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    public static String text(WeeklyDigest digest, String unsubscribeUrl) {
        StringBuilder out = new StringBuilder("This week's verdicts, ").append(DAY.format(digest.from()))
                .append(" to ").append(DAY.format(digest.to())).append(" (").append(digest.week()).append(")\n\n");
        int rank = 1;
        for (WeeklyDigest.Entry entry : digest.verdicts()) {
            out.append(rank++).append(". ").append(entry.name()).append(": ").append(entry.decision()).append(", ")
                    .append(entry.panelSplit()).append('\n').append("   ").append(entry.summary()).append('\n')
                    .append("   ").append(entry.url()).append("\n\n");
        }
        if (unsubscribeUrl != null) {
            out.append("Unsubscribe: ").append(unsubscribeUrl).append('\n');
        }
        return out.toString();
    }
}
