package io.shiporskip.badge.render;

import io.shiporskip.model.VerdictDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * Every colour a badge, the widget and shields.json use — the one palette. The renderers take their colours from
 * here only, and {@link #textPairs()} names each (text, background) pair they draw, so a test can hold all of them
 * to WCAG 2.1 AA (4.5:1).
 *
 * <p>A verdict has one fill colour in every theme (the tile, the pill, the compact message and shields.json), all
 * dark enough for white text; text drawn in a verdict's colour straight on the card (the widget's critic calls)
 * uses the theme's own lighter or darker shade, because one shade cannot reach 4.5:1 on both white and near-black.
 */
public final class Palette {

    /** Text on a verdict fill, in every theme. */
    public static final String ON_FILL = "#ffffff";
    public static final String FILL_SHIP = "#1a7f37";
    public static final String FILL_SKIP = "#cf222e";
    /** A clear violet: neither the green nor the red, and not the muddy ochre of before. */
    public static final String FILL_SPLIT = "#8250df";
    /** No reviews yet, and the error badges. */
    public static final String FILL_NEUTRAL = "#59636e";
    /** The compact badges' flat-style shade: black at 10 % towards the bottom only, so white text only gains contrast. */
    public static final String SHADE = "#000000";
    /** The compact badges' one-pixel text shadow (drawn under the white text, never instead of it). */
    public static final String TEXT_SHADOW = "#010101";

    /** The colours of one theme. */
    public record Colors(
            String name,
            String background,
            String border,
            String text,
            String muted,
            /** The compact badges' left part ("Ship or Skip"), under {@link #ON_FILL} text. */
            String label,
            String shipText,
            String skipText,
            String splitText,
            String neutralText,
            /** The widget's call to action: a button in the text colour. */
            String button,
            String buttonText) {

        /** Text in a verdict's colour, straight on this theme's background. */
        public String decisionText(VerdictDecision d) {
            return switch (d) {
                case SHIP -> shipText;
                case SKIP -> skipText;
                case SPLIT -> splitText;
                case NONE -> neutralText;
            };
        }
    }

    public static final Colors LIGHT = new Colors("light", "#ffffff", "#d0d7de", "#1f2328", "#59636e", "#555555",
            "#1a7f37", "#cf222e", "#8250df", "#59636e", "#1f2328", "#ffffff");
    public static final Colors DARK = new Colors("dark", "#0d1117", "#3d444d", "#e6edf3", "#9198a1", "#3d444d",
            "#3fb950", "#ff7b72", "#a371f7", "#9198a1", "#e6edf3", "#0d1117");

    private Palette() {
    }

    /** The fill behind a verdict's white text: tile, pill, compact message, shields.json. */
    public static String fill(VerdictDecision d) {
        return switch (d) {
            case SHIP -> FILL_SHIP;
            case SKIP -> FILL_SKIP;
            case SPLIT -> FILL_SPLIT;
            case NONE -> FILL_NEUTRAL;
        };
    }

    /** The same colour as shields.io wants it in an endpoint document (hex without '#'). */
    public static String shieldsColor(VerdictDecision d) {
        return fill(d).substring(1);
    }

    /** One text colour drawn on one background, and where. */
    public record Pair(String where, String text, String background) {
    }

    /** Every (text, background) pair the card, compact badges, error badges and the widget draw, in both themes. */
    public static List<Pair> textPairs() {
        List<Pair> pairs = new ArrayList<>();
        for (Colors c : List.of(LIGHT, DARK)) {
            String t = c.name() + ": ";
            pairs.add(new Pair(t + "name, critic names on the card", c.text(), c.background()));
            pairs.add(new Pair(t + "brand line, tally, tagline, community, hints", c.muted(), c.background()));
            pairs.add(new Pair(t + "compact label", ON_FILL, c.label()));
            pairs.add(new Pair(t + "widget call to action", c.buttonText(), c.button()));
            for (VerdictDecision d : VerdictDecision.values()) {
                pairs.add(new Pair(t + d + " pill, tile and compact message", ON_FILL, fill(d)));
                pairs.add(new Pair(t + d + " text on the card", c.decisionText(d), c.background()));
            }
        }
        return pairs;
    }

    /** Every colour the renderers may write (a test checks rendered output uses no other). */
    public static List<String> all() {
        List<String> all = new ArrayList<>(List.of(ON_FILL, FILL_SHIP, FILL_SKIP, FILL_SPLIT, FILL_NEUTRAL, SHADE, TEXT_SHADOW));
        for (Colors c : List.of(LIGHT, DARK)) {
            all.addAll(List.of(c.background(), c.border(), c.text(), c.muted(), c.label(), c.shipText(), c.skipText(),
                    c.splitText(), c.neutralText(), c.button(), c.buttonText()));
        }
        return all;
    }
}
