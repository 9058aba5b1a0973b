package io.shiporskip.badge.render;

/** The {@code style} query values; {@link #param} is the exact accepted spelling. */
public enum BadgeStyle {
    CARD("card"),
    FLAT("flat"),
    FLAT_SQUARE("flat-square"),
    FOR_THE_BADGE("for-the-badge");

    public final String param;

    BadgeStyle(String param) {
        this.param = param;
    }

    public static BadgeStyle fromParam(String value) {
        for (BadgeStyle s : values()) {
            if (s.param.equals(value)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The value a mistyped one most likely meant, only to draw an error image in the shape the page expects
     * ({@code flat-squared} → flat-square, {@code Dark} → dark); CARD when nothing is close. Never used to serve a verdict.
     */
    public static BadgeStyle closest(String value) {
        if (value == null) {
            return CARD;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        BadgeStyle best = null;
        for (BadgeStyle candidate : values()) {
            if (v.startsWith(candidate.param) && (best == null || candidate.param.length() > best.param.length())) {
                best = candidate;
            }
        }
        return best == null ? CARD : best;
    }

    public static String allowed() {
        return "card, flat, flat-square, for-the-badge";
    }
}
