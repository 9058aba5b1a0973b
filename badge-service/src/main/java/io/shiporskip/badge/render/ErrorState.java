package io.shiporskip.badge.render;

/**
 * What a badge or the widget shows instead of a verdict. Each state is a designed image (or widget card) with its
 * own mark, title and hint, answered with the matching HTTP status and never stored. The texts are fixed: a
 * request's own values are never echoed into an image.
 */
public enum ErrorState {
    UNKNOWN_TOOL(404, Mark.UNKNOWN, "Unknown tool", "unknown tool",
            "Ship or Skip has no tool at this address"),
    UNAVAILABLE(503, Mark.UNAVAILABLE, "Verdict unavailable", "verdict unavailable",
            "Cannot reach verdicts; try again soon"),
    BAD_SLUG(400, Mark.BAD_INPUT, "Check the badge address", "check the slug",
            "Slugs are lower-case, like my-tool"),
    BAD_STYLE(400, Mark.BAD_INPUT, "Unknown badge style", "unknown style",
            "Use card, flat, flat-square or for-the-badge"),
    BAD_THEME(400, Mark.BAD_INPUT, "Unknown badge theme", "unknown theme",
            "Use light, dark or auto"),
    BAD_SRC(400, Mark.BAD_INPUT, "Unknown placement (src)", "unknown src",
            "Use readme, site, docs, other or embed");

    public final int status;
    public final Mark mark;
    /** The card's and widget's heading. */
    public final String title;
    /** The compact badges' message. */
    public final String shortText;
    /** The card's and widget's second line: what to do. */
    public final String hint;

    ErrorState(int status, Mark mark, String title, String shortText, String hint) {
        this.status = status;
        this.mark = mark;
        this.title = title;
        this.shortText = shortText;
        this.hint = hint;
    }

    /** The state for a bad query or path value, by the name of the parameter. */
    public static ErrorState badInput(String field) {
        return switch (field) {
            case "style" -> BAD_STYLE;
            case "theme" -> BAD_THEME;
            case "src" -> BAD_SRC;
            default -> BAD_SLUG;
        };
    }
}
