package io.shiporskip.badge.render;

import io.shiporskip.model.Markup;
import io.shiporskip.model.VerdictDecision;
import io.shiporskip.model.VerdictSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Draws badges as SVG. Output is cached by the caller, so clarity wins over speed here. Every piece of user text
 * goes through {@link Markup#clean} and {@link Markup#escape}; every colour comes from {@link Palette}; themed
 * colours live in a {@code <style>} block so {@code theme=auto} can switch them with {@code prefers-color-scheme}
 * inside the image. Nothing is loaded from outside: the mark is paths ({@link Mark}), the font a system one, and
 * the layout is computed from {@link TextWidths} so it does not depend on the fonts a reader has.
 */
@ApplicationScoped
public class SvgRenderer {

    static final String FONT = "Verdana,Geneva,DejaVu Sans,sans-serif";
    public static final int CARD_WIDTH = 360;
    public static final int CARD_HEIGHT = 90;

    // Card geometry (px): the mark's tile on the left, three lines of text, the verdict pill on the right.
    static final double PAD = 16;
    static final double TILE = 48;
    static final double TEXT_X = PAD + TILE + 12;
    static final double NAME_SIZE = 16;
    static final double LINE_SIZE = 12;
    static final double BRAND_SIZE = 11;
    static final double PILL_SIZE = 13;
    static final double PILL_PAD = 12;
    static final double PILL_GAP = 10;
    /** Width left for a line that runs under or over the pill (the brand line and the summary). */
    static final double FULL_LINE = CARD_WIDTH - PAD - TEXT_X;

    public byte[] verdict(VerdictSnapshot v, BadgeStyle style, Theme theme) {
        String name = Markup.clean(v.name() == null || v.name().isBlank() ? v.slug() : v.name());
        VerdictDecision d = Verdicts.decision(v);
        String aria = name + ": " + Verdicts.call(v) + ", " + Verdicts.split(v) + " on " + Verdicts.BRAND;
        String svg = style == BadgeStyle.CARD
                ? card(Mark.of(d), Palette.fill(d), name, Verdicts.summaryLine(v), Verdicts.call(v), aria, theme)
                : compact(Mark.of(d), Palette.fill(d), Verdicts.compactMessage(v), aria, style, theme);
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    /** An error badge (unknown tool, verdict unavailable, a parameter to fix) in the requested style. */
    public byte[] error(ErrorState state, BadgeStyle style, Theme theme) {
        String aria = Verdicts.BRAND + ": " + state.title + ". " + state.hint;
        String svg = style == BadgeStyle.CARD
                ? card(state.mark, Palette.FILL_NEUTRAL, state.title, state.hint, null, aria, theme)
                : compact(state.mark, Palette.FILL_NEUTRAL, state.shortText, aria, style, theme);
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    /** The widest the name may be drawn beside a pill saying {@code call} (null: no pill). */
    static double nameRoom(String call) {
        return call == null ? FULL_LINE : pillX(call) - PILL_GAP - TEXT_X;
    }

    private static double pillWidth(String call) {
        return Math.ceil(TextWidths.width(call, PILL_SIZE, true) + 2 * PILL_PAD);
    }

    private static double pillX(String call) {
        return CARD_WIDTH - PAD - pillWidth(call);
    }

    private static String card(Mark mark, String fill, String title, String summary, String call, String aria, Theme theme) {
        double room = nameRoom(call);
        String shownTitle = TextWidths.fit(title, room, NAME_SIZE, true);
        String shownSummary = TextWidths.fit(summary, FULL_LINE, LINE_SIZE, false);
        String a = Markup.escape(aria);
        StringBuilder s = new StringBuilder(2000);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"360\" height=\"90\" viewBox=\"0 0 360 90\" role=\"img\" aria-label=\"")
                .append(a).append("\"><title>").append(a).append("</title>");
        s.append("<style>").append(cardCss(theme)).append("</style>");
        // The name never reaches the pill, whatever font the reader's system substitutes for Verdana.
        s.append("<clipPath id=\"n\"><rect x=\"").append(fmt(TEXT_X)).append("\" y=\"34\" width=\"").append(fmt(room))
                .append("\" height=\"26\"/></clipPath>");
        s.append("<rect class=\"bg\" x=\"0.5\" y=\"0.5\" width=\"359\" height=\"89\" rx=\"12\"/>");
        mark.tile(s, PAD, (CARD_HEIGHT - TILE) / 2, TILE, fill);
        s.append("<g font-family=\"").append(FONT).append("\">");
        s.append("<text class=\"mu\" x=\"").append(fmt(TEXT_X)).append("\" y=\"29\" font-size=\"").append(fmt(BRAND_SIZE)).append("\">")
                .append(Verdicts.BRAND).append(call == null ? "" : " \u00B7 panel verdict").append("</text>");
        s.append("<text class=\"fg\" x=\"").append(fmt(TEXT_X)).append("\" y=\"52\" font-size=\"").append(fmt(NAME_SIZE))
                .append("\" font-weight=\"bold\" clip-path=\"url(#n)\">").append(Markup.escape(shownTitle)).append("</text>");
        s.append("<text class=\"mu\" x=\"").append(fmt(TEXT_X)).append("\" y=\"72\" font-size=\"").append(fmt(LINE_SIZE)).append("\">")
                .append(Markup.escape(shownSummary)).append("</text>");
        if (call != null) {
            double pw = pillWidth(call);
            double px = pillX(call);
            s.append("<rect x=\"").append(fmt(px)).append("\" y=\"33\" width=\"").append(fmt(pw))
                    .append("\" height=\"26\" rx=\"13\" fill=\"").append(fill).append("\"/>");
            s.append("<text x=\"").append(fmt(px + pw / 2)).append("\" y=\"50.5\" text-anchor=\"middle\" font-size=\"")
                    .append(fmt(PILL_SIZE)).append("\" font-weight=\"bold\" fill=\"").append(Palette.ON_FILL).append("\">")
                    .append(Markup.escape(call)).append("</text>");
        }
        s.append("</g></svg>");
        return s.toString();
    }

    private static String cardCss(Theme theme) {
        return themed(theme, c -> ".bg{fill:" + c.background() + ";stroke:" + c.border() + "}.fg{fill:" + c.text() + "}.mu{fill:"
                + c.muted() + "}");
    }

    private static String themed(Theme theme, java.util.function.Function<Palette.Colors, String> css) {
        return switch (theme) {
            case LIGHT -> css.apply(Palette.LIGHT);
            case DARK -> css.apply(Palette.DARK);
            case AUTO -> css.apply(Palette.LIGHT) + "@media (prefers-color-scheme:dark){" + css.apply(Palette.DARK) + "}";
        };
    }

    /** shields.io's look: the brand on the left, the verdict (mark and words) on its fill on the right. */
    private static String compact(Mark mark, String fill, String message, String aria, BadgeStyle style, Theme theme) {
        boolean big = style == BadgeStyle.FOR_THE_BADGE;
        String label = big ? Verdicts.BRAND.toUpperCase(Locale.ROOT) : Verdicts.BRAND;
        String msg = big ? message.toUpperCase(Locale.ROOT) : message;
        int height = big ? 28 : 20;
        double fontSize = big ? 10 : 11;
        double padding = big ? 10 : 6;
        double spacing = big ? 1.25 : 0;
        double glyph = big ? 14 : 12;
        double gap = big ? 6 : 4;
        double labelText = TextWidths.width(label, fontSize, big) + label.length() * spacing;
        double msgText = TextWidths.width(msg, fontSize, big) + msg.length() * spacing;
        double lw = Math.round(labelText + 2 * padding);
        double mw = Math.round(glyph + gap + msgText + 2 * padding);
        double w = lw + mw;
        String a = Markup.escape(aria);
        String rx = style == BadgeStyle.FLAT ? "3" : "0";
        StringBuilder s = new StringBuilder(1600);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(fmt(w)).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(fmt(w)).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(a).append("\"><title>").append(a).append("</title>");
        s.append("<style>").append(themed(theme, c -> ".lb{fill:" + c.label() + "}")).append("</style>");
        if (style == BadgeStyle.FLAT) {
            // Darkens towards the bottom only, so the white text never loses contrast.
            s.append("<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"").append(Palette.SHADE)
                    .append("\" stop-opacity=\"0\"/><stop offset=\"1\" stop-color=\"").append(Palette.SHADE)
                    .append("\" stop-opacity=\".12\"/></linearGradient>");
        }
        s.append("<clipPath id=\"r\"><rect width=\"").append(fmt(w)).append("\" height=\"").append(height)
                .append("\" rx=\"").append(rx).append("\"/></clipPath>");
        s.append("<g clip-path=\"url(#r)\"><rect class=\"lb\" width=\"").append(fmt(lw)).append("\" height=\"").append(height)
                .append("\"/><rect x=\"").append(fmt(lw)).append("\" width=\"").append(fmt(mw)).append("\" height=\"").append(height)
                .append("\" fill=\"").append(fill).append("\"/>");
        if (style == BadgeStyle.FLAT) {
            s.append("<rect width=\"").append(fmt(w)).append("\" height=\"").append(height).append("\" fill=\"url(#s)\"/>");
        }
        s.append("</g>");
        mark.glyph(s, lw + padding, (height - glyph) / 2, glyph, big ? 2 : 1.7);
        s.append("<g fill=\"").append(Palette.ON_FILL).append("\" text-anchor=\"middle\" font-family=\"").append(FONT)
                .append("\" font-size=\"").append(fmt(fontSize)).append('"');
        if (big) {
            s.append(" font-weight=\"bold\" letter-spacing=\"1.25\"");
        }
        s.append('>');
        double baseline = big ? 18 : 14;
        text(s, lw / 2, baseline, label, labelText - spacing, !big);
        text(s, lw + padding + glyph + gap + msgText / 2, baseline, msg, msgText - spacing, !big);
        s.append("</g></svg>");
        return s.toString();
    }

    /**
     * Centred text held to its computed length ({@code textLength}, as shields.io does), so a substitute font can
     * never push it out of its box.
     */
    private static void text(StringBuilder s, double x, double y, String text, double length, boolean shadow) {
        String t = Markup.escape(text);
        String len = fmt(length);
        if (shadow) {
            s.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y + 1)).append("\" textLength=\"").append(len)
                    .append("\" fill=\"").append(Palette.TEXT_SHADOW).append("\" fill-opacity=\".3\" aria-hidden=\"true\">")
                    .append(t).append("</text>");
        }
        s.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" textLength=\"").append(len).append("\">")
                .append(t).append("</text>");
    }

    static String fmt(double v) {
        long r = Math.round(v * 10);
        return r % 10 == 0 ? Long.toString(r / 10) : Double.toString(r / 10.0);
    }

    static String fmt4(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
