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

    public static String allowed() {
        return "card, flat, flat-square, for-the-badge";
    }
}
