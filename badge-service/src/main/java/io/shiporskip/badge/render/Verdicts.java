package io.shiporskip.badge.render;

import io.shiporskip.model.VerdictWording;
import io.shiporskip.model.VerdictDecision;
import io.shiporskip.model.VerdictSnapshot;

/** The words and colours a verdict is shown with, shared by SVG, HTML and shields.json. */
public final class Verdicts {

    private Verdicts() {
    }

    public static VerdictDecision decision(VerdictSnapshot v) {
        return v.decision() == null ? VerdictDecision.NONE : v.decision();
    }

    /** "SHIP", "SKIP", "SPLIT" or "PENDING" (no review yet). */
    public static String call(VerdictSnapshot v) {
        return decision(v) == VerdictDecision.NONE ? "PENDING" : decision(v).name();
    }

    /** "Ship", "Skip", "Split", "Pending" as the site's alt text writes it. */
    public static String callTitle(VerdictSnapshot v) {
        String c = call(v);
        return c.charAt(0) + c.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    public static String accent(VerdictDecision d) {
        return switch (d) {
            case SHIP -> "#1f883d";
            case SKIP -> "#cf222e";
            case SPLIT -> "#9a6700";
            case NONE -> "#6e7781";
        };
    }

    /** shields.io named colours for the endpoint document. */
    public static String shieldsColor(VerdictDecision d) {
        return switch (d) {
            case SHIP -> "brightgreen";
            case SKIP -> "red";
            case SPLIT -> "orange";
            case NONE -> "lightgrey";
        };
    }

    /** "4 ships · 0 skips" */
    public static String split(VerdictSnapshot v) {
        return VerdictWording.tally(v.ships(), v.skips());
    }

    /** The compact badges' message: "SHIP 4/0", or "pending" with no review. */
    public static String compactMessage(VerdictSnapshot v) {
        if (decision(v) == VerdictDecision.NONE) {
            return "pending";
        }
        return decision(v).name() + " " + v.ships() + "/" + v.skips();
    }

    /** "75% ship" or "no reviews yet". */
    public static String percentLine(VerdictSnapshot v) {
        if (v.shipPercent() == null || decision(v) == VerdictDecision.NONE) {
            return "no reviews yet";
        }
        return v.shipPercent() + "% ship";
    }
}
