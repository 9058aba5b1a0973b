package io.shiporskip.api.page;

import io.shiporskip.api.platform.PageMeta;
import io.shiporskip.api.comparison.Comparison;
import io.shiporskip.api.comparison.Comparison.Column;
import io.shiporskip.api.comparison.Comparison.ScorecardCell;
import io.shiporskip.api.comparison.Comparison.ScorecardRow;
import io.shiporskip.model.Markup;
import java.util.ArrayList;
import java.util.List;

/** A comparison as its page prints it: a card per tool, the decision table and the reviewer scorecard. */
public record ComparePage(
        PageMeta meta,
        String heading,
        List<Card> tools,
        List<Comparison.DecisionRow> decisionTable,
        List<ScoreRow> scorecard) {

    public record Card(String name, String vendor, String tagline, String description, String category,
            String entryPrice, VerdictView verdict, String community, String href) {
    }

    /** One critic; a cell per tool, in column order. */
    public record ScoreRow(String critic, List<ScoreCell> cells) {
    }

    public record ScoreCell(String tool, boolean reviewed, int score, String call, String tone, String text) {
    }

    public static ComparePage of(Comparison comparison, PageLinks links) {
        List<Column> columns = comparison.tools();
        // Names and short labels as badges and feeds show them: no bidi overrides or zero-width characters.
        List<Card> cards = columns.stream().map(c -> new Card(Markup.clean(c.name()), Markup.clean(c.vendor()),
                Markup.clean(c.tagline()), c.description(), Markup.clean(c.category()), c.entryPrice(), VerdictView.of(c.verdict()), c.community().label(),
                PageLinks.toolPath(c.slug()))).toList();

        List<ScoreRow> rows = new ArrayList<>();
        for (ScorecardRow row : comparison.scorecard()) {
            List<ScoreCell> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                ScorecardCell cell = row.cells().get(i);
                String tool = Markup.clean(columns.get(i).name());
                cells.add(cell == null
                        ? new ScoreCell(tool, false, 0, "Not reviewed yet", "none", null)
                        : new ScoreCell(tool, true, cell.score(), VerdictView.callOf(cell.decision()),
                                VerdictView.tone(cell.decision()), cell.text()));
            }
            rows.add(new ScoreRow(Markup.clean(row.critic().name()), cells));
        }

        String heading = String.join(" vs ", columns.stream().map(c -> Markup.clean(c.name())).toList());
        String description = "Which one should you ship with? " + heading
                + ": the expert panel's verdicts, pricing, community votes and every critic's score, side by side.";
        PageMeta meta = PageMeta.shared(heading, description,
                links.comparePage(columns.stream().map(Column::slug).toList()), "website");
        List<Comparison.DecisionRow> table = comparison.decisionTable().stream().map(row -> new Comparison.DecisionRow(
                row.label(), row.cells().stream().map(Markup::clean).toList())).toList();
        return new ComparePage(meta, heading, cards, table, rows);
    }
}
