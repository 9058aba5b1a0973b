package io.shiporskip.model;

/**
 * Makes user text safe to render in SVG, HTML and XML — badges, the widget, embed codes, digests, newsletter
 * pages — one rule for both services: drops what XML cannot hold (C0 controls, lone surrogates, U+FFFE/FFFF)
 * and the bidi controls and zero-width characters that could make a name display as something else (U+202E,
 * U+200B and friends), then
 * escapes for XML/HTML text and attribute values alike.
 */
public final class Markup {

    private Markup() {
    }

    /** Visible text only: controls and bidi overrides removed, whitespace runs collapsed, trimmed. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                    if (space && out.length() > 0) {
                        out.append(' ');
                    }
                    space = false;
                    out.append(c).append(raw.charAt(++i));
                }
                continue; // a lone surrogate is not XML
            }
            if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' || isBidiControl(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    /** Bidi controls and zero-width characters: invisible, yet able to make a name read as something else. */
    static boolean isBidiControl(char c) {
        return c == '\u200E' || c == '\u200F' || c == '\u061C'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
    }

    /** Escapes for XML and HTML, in text and in quoted attributes. Call on {@link #clean}ed text. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(rep);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** clean + escape. */
    public static String safe(String raw) {
        return escape(clean(raw));
    }
}
