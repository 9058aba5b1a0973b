package io.shiporskip.badge.render;

/**
 * Text width from a per-character advance table, as shields.io does: Verdana at 11px for printable ASCII
 * (values in px), scaled by font size. No AWT fonts, so layout is the same on every machine and needs no
 * font files. Characters outside the table use a generous average so long non-Latin names still fit.
 */
public final class TextWidths {

    private static final double[] VERDANA_11 = {
        // 32-47:  space ! " # $ % & ' ( ) * + , - . /
        3.87, 4.33, 5.05, 9.0, 7.0, 11.84, 7.99, 2.95, 4.99, 4.99, 7.0, 9.0, 4.0, 4.99, 4.0, 4.99,
        // 48-63:  0-9 : ; < = > ?
        7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 4.99, 4.99, 9.0, 9.0, 9.0, 6.0,
        // 64-79:  @ A-O
        11.0, 7.52, 7.58, 7.68, 8.48, 6.96, 6.32, 8.53, 8.27, 4.63, 5.0, 7.62, 6.12, 9.27, 8.23, 8.66,
        // 80-95:  P-Z [ \ ] ^ _
        6.63, 8.66, 7.65, 7.52, 6.78, 8.05, 7.52, 10.88, 7.54, 6.77, 7.54, 4.99, 4.99, 4.99, 9.0, 7.0,
        // 96-111: ` a-o
        7.0, 6.61, 6.85, 5.73, 6.85, 6.55, 3.87, 6.85, 6.96, 3.02, 3.79, 6.51, 3.02, 10.7, 6.96, 6.68,
        // 112-126: p-z { | } ~
        6.85, 6.85, 4.69, 5.73, 4.33, 6.96, 6.51, 8.98, 6.51, 6.51, 5.78, 6.98, 4.99, 6.98, 9.0
    };
    private static final double FALLBACK = 7.5;
    private static final double WIDE = 11.0;
    private static final double BOLD_FACTOR = 1.1;
    public static final String ELLIPSIS = "\u2026";

    private TextWidths() {
    }

    static double advance11(int cp) {
        if (cp >= 32 && cp <= 126) {
            return VERDANA_11[cp - 32];
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        if (cp == 0x2026) {
            return 11.0;
        }
        if (cp == 0x00B7) {
            return 4.0; // the middle dot of "4 ships · 0 skips"
        }
        // CJK, Hangul, fullwidth forms and emoji take about a full em.
        if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) || cp >= 0x1F000) {
            return WIDE;
        }
        return FALLBACK;
    }

    public static double width(String text, double fontSize, boolean bold) {
        double sum = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            sum += advance11(cp);
            i += Character.charCount(cp);
        }
        return sum * fontSize / 11.0 * (bold ? BOLD_FACTOR : 1.0);
    }

    /** The text itself when it fits in maxWidth, else its longest prefix that fits followed by an ellipsis. */
    public static String fit(String text, double maxWidth, double fontSize, boolean bold) {
        if (width(text, fontSize, bold) <= maxWidth) {
            return text;
        }
        double scale = fontSize / 11.0 * (bold ? BOLD_FACTOR : 1.0);
        double budget = maxWidth - advance11(0x2026) * scale;
        double used = 0;
        int end = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            double w = advance11(cp) * scale;
            if (used + w > budget) {
                break;
            }
            used += w;
            i += Character.charCount(cp);
            end = i;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
