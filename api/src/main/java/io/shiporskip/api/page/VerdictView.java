package io.shiporskip.api.page;

import io.shiporskip.model.PanelVerdict;
import io.shiporskip.model.VerdictDecision;
import io.shiporskip.model.VerdictWording;
import java.util.Locale;

/**
 * A panel verdict in the words a page prints. {@code tone} names the CSS colour class; the call itself is always
 * written out, so nothing depends on colour alone.
 */
public record VerdictView(String call, String tone, boolean reviewed, String shipPercent, String tally,
        String meanScore) {

    public static VerdictView of(PanelVerdict verdict) {
        VerdictDecision decision = verdict.decision() == null ? VerdictDecision.NONE : verdict.decision();
        if (decision == VerdictDecision.NONE) {
            return new VerdictView("Awaiting verdict", "none", false, null, "No reviews yet", null);
        }
        return new VerdictView(callOf(decision), tone(decision), true,
                verdict.shipPercent() == null ? null : verdict.shipPercent() + "%",
                VerdictWording.tally(verdict.ships(), verdict.skips()),
                verdict.meanScore() == null ? null : String.format(Locale.ROOT, "%.1f", verdict.meanScore()));
    }

    /** "Ship", "Skip", "Split". */
    static String callOf(Enum<?> decision) {
        String name = decision.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    static String tone(Enum<?> decision) {
        return decision.name().toLowerCase(Locale.ROOT);
    }
}
