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

    public static String allowed() {
        return "light, dark, auto";
    }
}
