package io.shiporskip.badge.counting;

/** Where the embedder says the badge sits ({@code src} query value); {@link #UNSPECIFIED} when not given. */
public enum Placement {
    README("readme"),
    SITE("site"),
    DOCS("docs"),
    OTHER("other"),
    /** Clicks coming from the /embed widget. */
    EMBED("embed"),
    UNSPECIFIED("unspecified");

    public final String param;

    Placement(String param) {
        this.param = param;
    }

    /** The placement for a {@code src} value, UNSPECIFIED for none, null for a value we do not accept. */
    public static Placement fromParam(String value) {
        if (value == null) {
            return UNSPECIFIED;
        }
        for (Placement p : values()) {
            if (p != UNSPECIFIED && p.param.equals(value)) {
                return p;
            }
        }
        return null;
    }

    public static String allowed() {
        return "readme, site, docs, other, embed";
    }
}
