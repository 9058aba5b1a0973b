package io.shiporskip.model;

import java.util.Collection;

/** The panel aggregation rule, shared by api (which serves verdicts) and badge-service (which renders them). */
public final class PanelRule {

    private PanelRule() {
    }

    /**
     * SHIP when ships outnumber skips, SKIP when skips outnumber ships, SPLIT on a tie, NONE with no reviews.
     * shipPercent = round(100 * ships / (ships + skips)); meanScore is rounded to one decimal (half up).
     */
    public static PanelVerdict verdictOf(Collection<ScoredCall> calls) {
        int ships = 0;
        int skips = 0;
        long scoreSum = 0;
        for (ScoredCall call : calls) {
            if (call.decision() == ReviewDecision.SHIP) {
                ships++;
            } else {
                skips++;
            }
            scoreSum += call.score();
        }
        int total = ships + skips;
        if (total == 0) {
            return new PanelVerdict(VerdictDecision.NONE, 0, 0, null, null, 0);
        }
        VerdictDecision decision = ships > skips ? VerdictDecision.SHIP
                : skips > ships ? VerdictDecision.SKIP
                : VerdictDecision.SPLIT;
        return new PanelVerdict(decision, ships, skips, percent(ships, total), oneDecimal(scoreSum, total), total);
    }

    /** round(100 * part / whole), halves rounded up; integer arithmetic so 1/8 gives 13 on every JVM. */
    public static int percent(int part, int whole) {
        if (whole <= 0) {
            throw new IllegalArgumentException("whole must be positive");
        }
        return (int) ((200L * part + whole) / (2L * whole));
    }

    private static double oneDecimal(long sum, int count) {
        long tenths = (20L * sum + count) / (2L * count);
        return tenths / 10.0;
    }
}
