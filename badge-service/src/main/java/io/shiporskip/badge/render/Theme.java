package io.shiporskip.badge.render;

/** The {@code theme} query values; AUTO follows prefers-color-scheme inside the SVG itself. */
public enum Theme {
    LIGHT("light"),
    DARK("dark"),
    AUTO("auto");

    public final String param;

    Theme(String param) {
        this.param = param;
    }

    public static Theme fromParam(String value) {
        for (Theme t : values()) {
            if (t.param.equals(value)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The value a mistyped one most likely meant, only to draw an error image in the shape the page expects
     * ({@code flat-squared} → flat-square, {@code Dark} → dark); LIGHT when nothing is close. Never used to serve a verdict.
     */
    public static Theme closest(String value) {
        if (value == null) {
            return LIGHT;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        Theme best = null;
        for (Theme candidate : values()) {
            if (v.startsWith(candidate.param) && (best == null || candidate.param.length() > best.param.length())) {
                best = candidate;
            }
        }
        return best == null ? LIGHT : best;
    }

    public static String allowed() {
        return "light, dark, auto";
    }
}
