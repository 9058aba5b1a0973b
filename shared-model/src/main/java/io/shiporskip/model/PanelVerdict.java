package io.shiporskip.model;

/**
 * The panel's verdict on a tool. Always derived from the reviews ({@link PanelRule#verdictOf}),
 * never stored by hand. {@code shipPercent} and {@code meanScore} are null while there is no review.
 */
public record PanelVerdict(
        VerdictDecision decision,
        int ships,
        int skips,
        Integer shipPercent,
        Double meanScore,
        int reviewCount) {

    /** "4 ship / 0 skip", as the decision table of a comparison shows it. */
    public String split() {
        return VerdictWording.split(ships, skips);
    }
}
