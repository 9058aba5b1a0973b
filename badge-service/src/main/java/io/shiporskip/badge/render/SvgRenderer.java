package io.shiporskip.badge.render;

import io.shiporskip.model.Markup;
import io.shiporskip.model.VerdictDecision;
import io.shiporskip.model.VerdictSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Draws badges as SVG text. Output is cached by the caller, so clarity wins over speed here. Every piece of
 * user text goes through {@link Text#safe}; colours live in a {@code <style>} block so {@code theme=auto}
 * can switch them with {@code prefers-color-scheme} inside the image.
 */
@ApplicationScoped
public class SvgRenderer {

    static final String FONT = "Verdana,Geneva,DejaVu Sans,sans-serif";
    public static final int CARD_WIDTH = 360;
    public static final int CARD_HEIGHT = 90;
    static final String LABEL = "ship or skip";

    public byte[] verdict(VerdictSnapshot v, BadgeStyle style, Theme theme) {
        String name = Markup.clean(v.name() == null || v.name().isBlank() ? v.slug() : v.name());
        VerdictDecision d = Verdicts.decision(v);
        String aria = name + ": " + Verdicts.call(v) + ", " + Verdicts.split(v) + " on Ship or Skip";
        String svg = style == BadgeStyle.CARD
                ? card(name, Verdicts.split(v), Verdicts.call(v), Verdicts.percentLine(v), Verdicts.accent(d), aria, theme)
                : compact(Verdicts.compactMessage(v), Verdicts.accent(d), aria, style, theme);
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    /** An error badge ("unknown tool", "verdict unavailable") in the requested style. */
    public byte[] message(String message, BadgeStyle style, Theme theme) {
        String aria = "Ship or Skip: " + message;
        String grey = Verdicts.accent(VerdictDecision.NONE);
        String svg = style == BadgeStyle.CARD
                ? card(message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1), "shiporskip", "?", "", grey, aria, theme)
                : compact(message, grey, aria, style, theme);
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    private static String card(String name, String split, String call, String percent, String accent, String aria, Theme theme) {
        double pillWidth = 84;
        double textX = 76;
        double nameMax = CARD_WIDTH - textX - pillWidth - 16 - 12;
        String shownName = TextWidths.fit(name, nameMax, 16, true);
        double callSize = call.length() > 5 ? 12 : 14;
        String a = Markup.safe(aria);
        StringBuilder s = new StringBuilder(1600);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"360\" height=\"90\" viewBox=\"0 0 360 90\" role=\"img\" aria-label=\"")
                .append(a).append("\"><title>").append(a).append("</title>");
        s.append("<style>").append(cardCss(theme)).append("</style>");
        s.append("<rect class=\"bg\" x=\"0.5\" y=\"0.5\" width=\"359\" height=\"89\" rx=\"12\"/>");
        s.append("<g font-family=\"").append(FONT).append("\">");
        // Product mark: the two S of Ship or Skip on the verdict's colour.
        s.append("<rect x=\"16\" y=\"21\" width=\"48\" height=\"48\" rx=\"10\" fill=\"").append(accent).append("\"/>");
        s.append("<text x=\"40\" y=\"50\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\" fill=\"#fff\">S/S</text>");
        s.append("<text class=\"mu\" x=\"76\" y=\"31\" font-size=\"10\" letter-spacing=\".5\">SHIP OR SKIP \u00B7 PANEL</text>");
        s.append("<text class=\"fg\" x=\"76\" y=\"53\" font-size=\"16\" font-weight=\"bold\">").append(Markup.escape(shownName)).append("</text>");
        s.append("<text class=\"mu\" x=\"76\" y=\"72\" font-size=\"11\">").append(Markup.escape(split)).append("</text>");
        double pillX = CARD_WIDTH - 16 - pillWidth;
        s.append("<rect x=\"").append(fmt(pillX)).append("\" y=\"20\" width=\"").append(fmt(pillWidth))
                .append("\" height=\"30\" rx=\"15\" fill=\"").append(accent).append("\"/>");
        s.append("<text x=\"").append(fmt(pillX + pillWidth / 2)).append("\" y=\"").append(callSize > 12 ? "40" : "39.5")
                .append("\" text-anchor=\"middle\" font-size=\"").append(fmt(callSize))
                .append("\" font-weight=\"bold\" fill=\"#fff\">").append(Markup.escape(call)).append("</text>");
        s.append("<text class=\"mu\" x=\"").append(fmt(pillX + pillWidth / 2))
                .append("\" y=\"70\" text-anchor=\"middle\" font-size=\"11\">").append(Markup.escape(percent)).append("</text>");
        s.append("</g></svg>");
        return s.toString();
    }

    private static String cardCss(Theme theme) {
        String light = ".bg{fill:#fff;stroke:#d0d7de}.fg{fill:#1f2328}.mu{fill:#656d76}";
        String dark = ".bg{fill:#0d1117;stroke:#30363d}.fg{fill:#e6edf3}.mu{fill:#8d96a0}";
        return switch (theme) {
            case LIGHT -> light;
            case DARK -> dark;
            case AUTO -> light + "@media (prefers-color-scheme:dark){" + dark + "}";
        };
    }

    /** shields.io look: grey label "ship or skip", coloured message. */
    private static String compact(String message, String accent, String aria, BadgeStyle style, Theme theme) {
        boolean big = style == BadgeStyle.FOR_THE_BADGE;
        String label = big ? LABEL.toUpperCase(Locale.ROOT) : LABEL;
        String msg = big ? message.toUpperCase(Locale.ROOT) : message;
        int height = big ? 28 : 20;
        double fontSize = big ? 10 : 11;
        double padding = big ? 9 : 5;
        double spacing = big ? 1.25 : 0;
        double lw = Math.round(TextWidths.width(label, fontSize, big) + label.length() * spacing + 2 * padding);
        double mw = Math.round(TextWidths.width(msg, fontSize, big) + msg.length() * spacing + 2 * padding);
        double w = lw + mw;
        String a = Markup.safe(aria);
        String rx = style == BadgeStyle.FLAT ? "3" : "0";
        StringBuilder s = new StringBuilder(1200);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(fmt(w)).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(fmt(w)).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(a).append("\"><title>").append(a).append("</title>");
        s.append("<style>").append(compactCss(theme)).append("</style>");
        if (style == BadgeStyle.FLAT) {
            s.append("<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>")
                    .append("<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>");
        }
        s.append("<clipPath id=\"r\"><rect width=\"").append(fmt(w)).append("\" height=\"").append(height)
                .append("\" rx=\"").append(rx).append("\" fill=\"#fff\"/></clipPath>");
        s.append("<g clip-path=\"url(#r)\"><rect class=\"lb\" width=\"").append(fmt(lw)).append("\" height=\"").append(height)
                .append("\"/><rect x=\"").append(fmt(lw)).append("\" width=\"").append(fmt(mw)).append("\" height=\"").append(height)
                .append("\" fill=\"").append(accent).append("\"/>");
        if (style == BadgeStyle.FLAT) {
            s.append("<rect width=\"").append(fmt(w)).append("\" height=\"").append(height).append("\" fill=\"url(#s)\"/>");
        }
        s.append("</g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"").append(FONT).append("\" font-size=\"")
                .append(fmt(fontSize)).append('"');
        if (big) {
            s.append(" font-weight=\"bold\" letter-spacing=\"1.25\"");
        }
        s.append('>');
        double baseline = big ? 18 : 14;
        text(s, lw / 2, baseline, label, !big);
        text(s, lw + mw / 2, baseline, msg, !big);
        s.append("</g></svg>");
        return s.toString();
    }

    private static void text(StringBuilder s, double x, double y, String text, boolean shadow) {
        String t = Markup.escape(text);
        if (shadow) {
            s.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y + 1))
                    .append("\" fill=\"#010101\" fill-opacity=\".3\">").append(t).append("</text>");
        }
        s.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\">").append(t).append("</text>");
    }

    private static String compactCss(Theme theme) {
        String light = ".lb{fill:#555}";
        String dark = ".lb{fill:#30363d}";
        return switch (theme) {
            case LIGHT -> light;
            case DARK -> dark;
            case AUTO -> light + "@media (prefers-color-scheme:dark){" + dark + "}";
        };
    }

    static String fmt(double v) {
        long r = Math.round(v * 10);
        return r % 10 == 0 ? Long.toString(r / 10) : Double.toString(r / 10.0);
    }
}
