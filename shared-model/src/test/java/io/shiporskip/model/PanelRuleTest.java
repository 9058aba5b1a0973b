package io.shiporskip.model;

import static io.shiporskip.model.ReviewDecision.SHIP;
import static io.shiporskip.model.ReviewDecision.SKIP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PanelRuleTest {

    /** ships, skips, scores (space-separated, ships' first) → decision, percent, mean. */
    @ParameterizedTest(name = "{0} ship / {1} skip → {3} {4}% mean {5}")
    @CsvSource(nullValues = "null", value = {
            // the seed check of the design: 3 ship / 1 skip is a SHIP at 75%
            "3, 1, 88 78 82 52, SHIP, 75, 75.0",
            "4, 0, 78 74 80 72, SHIP, 100, 76.0",
            "0, 4, 10 20 30 40, SKIP, 0, 25.0",
            "2, 2, 90 80 30 20, SPLIT, 50, 55.0",
            "1, 0, 100, SHIP, 100, 100.0",
            "0, 1, 0, SKIP, 0, 0.0",
            "1, 2, 70 40 45, SKIP, 33, 51.7",
            "2, 1, 70 71 20, SHIP, 67, 53.7",
            // round half up: 1 of 8 is 12.5% → 13; mean 0.05 → 0.1
            "1, 7, 1 0 0 0 0 0 0 0, SKIP, 13, 0.1",
            "0, 0, '', NONE, null, null",
    })
    void aggregatesThePanel(int ships, int skips, String scores, VerdictDecision decision,
            Integer percent, Double mean) {
        List<ScoredCall> calls = new ArrayList<>();
        String[] parts = scores.isBlank() ? new String[0] : scores.trim().split(" ");
        for (int i = 0; i < parts.length; i++) {
            calls.add(new ScoredCall(Integer.parseInt(parts[i]), i < ships ? SHIP : SKIP));
        }

        PanelVerdict verdict = PanelRule.verdictOf(calls);

        assertEquals(new PanelVerdict(decision, ships, skips, percent, mean, ships + skips), verdict);
    }

    @Test
    void splitReadsAsTheDecisionTablePrintsIt() {
        PanelVerdict verdict = PanelRule.verdictOf(List.of(
                new ScoredCall(88, SHIP), new ScoredCall(78, SHIP), new ScoredCall(82, SHIP), new ScoredCall(52, SKIP)));
        assertEquals("3 ship / 1 skip", verdict.split());
    }

    @Test
    void scoresOutsideTheScaleAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ScoredCall(101, SHIP));
        assertThrows(IllegalArgumentException.class, () -> new ScoredCall(-1, SKIP));
    }

    @Test
    void communityNamesTheZeroVoteState() {
        assertEquals(new CommunitySummary(CommunitySummary.CommunityState.NO_VOTES, 0, 0, 0, null,
                "No community votes yet"), CommunitySummary.of(0, 0));
        assertEquals(new CommunitySummary(CommunitySummary.CommunityState.VOTED, 3, 2, 1, 67,
                "67% ship · 3 votes"), CommunitySummary.of(2, 1));
        assertEquals("100% ship · 1 vote", CommunitySummary.of(1, 0).label());
    }
}
