package io.shiporskip.api.comparison;

import io.shiporskip.model.CriticRef;
import io.shiporskip.model.CommunitySummary;
import io.shiporskip.model.PanelVerdict;
import io.shiporskip.model.ReviewDecision;
import io.shiporskip.model.ToolRef;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Tools side by side, in the order they were asked for: a column per tool, the decision table
 * (one row per question, one cell per tool, as the site prints it) and the scorecard (one row per critic).
 */
public record Comparison(
        List<Column> tools,
        List<DecisionRow> decisionTable,
        List<ScorecardRow> scorecard) {

    @Schema(name = "ComparisonColumn")
    public record Column(
            String slug,
            String name,
            String vendor,
            String tagline,
            String description,
            String category,
            String pricing,
            String entryPrice,
            PanelVerdict verdict,
            CommunitySummary community) {
    }

    /** e.g. label "Panel verdict", cells ["Ship · 4 ship / 0 skip", "Ship · 3 ship / 1 skip"]. */
    @Schema(name = "ComparisonDecisionRow")
    public record DecisionRow(String label, List<String> cells) {
    }

    /** One critic; a cell per tool, null where that critic has not reviewed that tool. */
    @Schema(name = "ComparisonScorecardRow")
    public record ScorecardRow(CriticRef critic,
            @Schema(description = "One cell per tool, in the order asked; null where this critic has not reviewed that tool")
            List<ScorecardCell> cells) {
    }

    /** {@code tool} is the column's tool, referred to as everywhere else: {slug, name}. */
    @Schema(name = "ComparisonScorecardCell")
    public record ScorecardCell(ToolRef tool, int score, ReviewDecision decision, String text) {
    }
}
