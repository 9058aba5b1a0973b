package io.shiporskip.badge.render;

import io.shiporskip.model.VerdictDecision;

/**
 * The mark on every badge and the widget: a verdict glyph drawn as SVG paths (no font, no image), white on the
 * verdict's fill. Shape as well as colour tells the verdict apart, for readers who do not see the colours.
 * Glyphs are drawn in a 24×24 box and scaled by the caller.
 */
public enum Mark {
    /** A check. */
    SHIP("M6 12.5l4 4 8-9", null),
    /** A cross. */
    SKIP("M7 7l10 10M17 7L7 17", null),
    /** A circle half filled: the panel is split. */
    SPLIT("M12 5.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13zM12 5.5v13", "M12 5.5a6.5 6.5 0 0 0 0 13z"),
    /** A clock: no review yet. */
    PENDING("M12 5.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13zM12 8.5v3.7l2.6 1.8", null),
    /** A magnifier: no tool at this address. */
    UNKNOWN("M10.5 5a5.5 5.5 0 1 1 0 11a5.5 5.5 0 1 1 0-11zM14.5 14.5l4.5 4.5", null),
    /** A circular arrow: try again later. */
    UNAVAILABLE("M18 12a6 6 0 1 1-1.76-4.24M17.4 4.4v3.9h-3.9", null),
    /** An exclamation mark: the URL needs a fix. */
    BAD_INPUT("M12 6v7.5M12 17.6v.2", null);

    private final String stroke;
    private final String fill;

    Mark(String stroke, String fill) {
        this.stroke = stroke;
        this.fill = fill;
    }

    public static Mark of(VerdictDecision d) {
        return switch (d) {
            case SHIP -> SHIP;
            case SKIP -> SKIP;
            case SPLIT -> SPLIT;
            case NONE -> PENDING;
        };
    }

    /** The glyph alone, {@code size} px square with its top left corner at (x, y). */
    public void glyph(StringBuilder s, double x, double y, double size, double strokeWidth) {
        double scale = size / 24;
        s.append("<g transform=\"translate(").append(SvgRenderer.fmt(x)).append(' ').append(SvgRenderer.fmt(y))
                .append(") scale(").append(SvgRenderer.fmt4(scale)).append(")\">");
        if (fill != null) {
            s.append("<path d=\"").append(fill).append("\" fill=\"").append(Palette.ON_FILL).append("\"/>");
        }
        s.append("<path d=\"").append(stroke).append("\" fill=\"none\" stroke=\"").append(Palette.ON_FILL)
                .append("\" stroke-width=\"").append(SvgRenderer.fmt4(strokeWidth / scale))
                .append("\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></g>");
    }

    /** The tile: a rounded square of {@code fill} with the glyph on it, {@code size} px at (x, y). */
    public void tile(StringBuilder s, double x, double y, double size, String fill) {
        s.append("<rect x=\"").append(SvgRenderer.fmt(x)).append("\" y=\"").append(SvgRenderer.fmt(y)).append("\" width=\"")
                .append(SvgRenderer.fmt(size)).append("\" height=\"").append(SvgRenderer.fmt(size)).append("\" rx=\"")
                .append(SvgRenderer.fmt(size / 4)).append("\" fill=\"").append(fill).append("\"/>");
        double inset = size * 0.14;
        glyph(s, x + inset, y + inset, size - 2 * inset, size / 14);
    }

    /** The tile as a standalone inline SVG for HTML (the widget), {@code size} px. */
    public String inlineSvg(double size, String fill) {
        StringBuilder s = new StringBuilder(400);
        s.append("<svg class=\"mark\" width=\"").append(SvgRenderer.fmt(size)).append("\" height=\"").append(SvgRenderer.fmt(size))
                .append("\" viewBox=\"0 0 ").append(SvgRenderer.fmt(size)).append(' ').append(SvgRenderer.fmt(size))
                .append("\" aria-hidden=\"true\" focusable=\"false\">");
        tile(s, 0, 0, size, fill);
        s.append("</svg>");
        return s.toString();
    }
}
