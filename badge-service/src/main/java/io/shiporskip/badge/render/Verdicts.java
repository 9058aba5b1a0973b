package io.shiporskip.badge.render;

import io.shiporskip.model.EmbedSnippets;
import io.shiporskip.model.VerdictDecision;
import io.shiporskip.model.VerdictSnapshot;
import io.shiporskip.model.VerdictWording;

/** The words and colours a verdict is shown with, shared by SVG, HTML and shields.json. */
public final class Verdicts {

    /** The brand, spelled one way everywhere (the for-the-badge style upper-cases it, as it does all its text). */
    public static final String BRAND = EmbedSnippets.BRAND;

    private Verdicts() {
    }

    public static VerdictDecision decision(VerdictSnapshot v) {
        return v.decision() == null ? VerdictDecision.NONE : v.decision();
    }

    /** "SHIP", "SKIP", "SPLIT" or "PENDING" (no review yet). */
    public static String call(VerdictSnapshot v) {
        return decision(v) == VerdictDecision.NONE ? "PENDING" : decision(v).name();
    }

    /** The verdict's fill (pill, tile, compact message, shields.json): {@link Palette#fill}. */
    public static String accent(VerdictDecision d) {
        return Palette.fill(d);
    }

    /** shields.io's color for the endpoint document: the same fill, so a shields-drawn badge matches ours. */
    public static String shieldsColor(VerdictDecision d) {
        return Palette.shieldsColor(d);
    }

    /** "4 ships · 0 skips" */
    public static String split(VerdictSnapshot v) {
        return VerdictWording.tally(v.ships(), v.skips());
    }

    /**
     * The compact badges' and shields.json's message, in the site's decision-table words: "SHIP · 4 ship / 0 skip",
     * or "no reviews yet".
     */
    public static String compactMessage(VerdictSnapshot v) {
        if (decision(v) == VerdictDecision.NONE) {
            return "no reviews yet";
        }
        return decision(v).name() + " \u00B7 " + VerdictWording.split(v.ships(), v.skips());
    }

    /** "75% ship" or "no reviews yet". */
    public static String percentLine(VerdictSnapshot v) {
        if (v.shipPercent() == null || decision(v) == VerdictDecision.NONE) {
            return "no reviews yet";
        }
        return v.shipPercent() + "% ship";
    }

    /** The card's third line: "3 ships · 1 skip · 75% ship", or "No reviews yet: the panel is on it". */
    public static String summaryLine(VerdictSnapshot v) {
        if (decision(v) == VerdictDecision.NONE) {
            return "No reviews yet \u00B7 the panel is on it";
        }
        return split(v) + " \u00B7 " + percentLine(v);
    }
}
