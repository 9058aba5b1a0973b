package io.shiporskip.api.comparison;

import io.shiporskip.api.tool.mapping.ToolMapper;
import io.shiporskip.api.tool.service.ToolReadCache;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shiporskip.api.critic.Critic;
import io.shiporskip.api.critic.CriticService;
import io.shiporskip.api.tool.entity.Review;
import io.shiporskip.api.tool.entity.Tool;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.Representation;
import io.shiporskip.api.critic.CriticRepository;
import io.shiporskip.api.tool.repository.ReviewRepository;
import io.shiporskip.api.tool.repository.ToolRepository;
import io.shiporskip.api.comparison.Comparison.Column;
import io.shiporskip.api.comparison.Comparison.DecisionRow;
import io.shiporskip.api.comparison.Comparison.ScorecardCell;
import io.shiporskip.model.ToolRef;
import io.shiporskip.api.comparison.Comparison.ScorecardRow;
import io.shiporskip.model.PanelVerdict;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Tools side by side, as the site's comparison pages show them. */
@ApplicationScoped
public class ComparisonService {

    private final ToolRepository tools;
    private final ReviewRepository reviews;
    private final CriticRepository critics;
    private final ToolReadCache cache;

    public ComparisonService(ToolRepository tools, ReviewRepository reviews, CriticRepository critics,
            ToolReadCache cache) {
        this.tools = tools;
        this.reviews = reviews;
        this.critics = critics;
        this.cache = cache;
    }

    /** {@code slugs} are validated, distinct and 2..4; columns follow their order. */
    public Uni<Comparison> compare(List<String> slugs) {
        return compareRepresentation(slugs).map(Representation::value);
    }

    /** The comparison as the bytes to send (cached). */
    public Uni<Representation<Comparison>> compareRepresentation(List<String> slugs) {
        return cache.acrossTools(slugs, () -> load(slugs));
    }

    @WithSession
    Uni<Comparison> load(List<String> slugs) {
        return tools.findBySlugs(slugs).chain(found -> {
            Map<String, Tool> bySlug = found.stream().collect(Collectors.toMap(t -> t.slug, Function.identity()));
            List<String> missing = slugs.stream().filter(s -> !bySlug.containsKey(s)).toList();
            if (!missing.isEmpty()) {
                return Uni.createFrom().failure(ApiProblem.notFound("No tool with slug '" + missing.get(0) + "'"));
            }
            List<Tool> ordered = slugs.stream().map(bySlug::get).toList();
            return reviews.forTools(ordered.stream().map(t -> t.id).toList())
                    .chain(list -> critics.panel().map(panel -> build(ordered, list, panel)));
        });
    }

    private static Comparison build(List<Tool> ordered, List<Review> reviews, List<Critic> panel) {
        List<Column> columns = ordered.stream().map(t -> new Column(t.slug, t.name, t.vendor, t.tagline,
                t.description, t.category, t.pricing, t.entryPrice, ToolMapper.verdict(t), ToolMapper.community(t))).toList();

        List<DecisionRow> table = List.of(
                row("Panel verdict", columns, c -> panelCell(c.verdict())),
                row("Community", columns, c -> c.community().label()),
                row("Pricing", columns, Column::pricing),
                row("Best for", columns, Column::tagline),
                row("Category", columns, Column::category));

        Map<Long, Map<Long, Review>> byCritic = new HashMap<>();
        for (Review review : reviews) {
            byCritic.computeIfAbsent(review.critic.id, k -> new HashMap<>()).put(review.tool.id, review);
        }
        List<ScorecardRow> scorecard = new ArrayList<>();
        for (Critic critic : panel) {
            Map<Long, Review> byTool = byCritic.getOrDefault(critic.id, Map.of());
            if (byTool.isEmpty()) {
                continue; // a critic who reviewed none of these tools has nothing to show
            }
            List<ScorecardCell> cells = ordered.stream().map(t -> {
                Review r = byTool.get(t.id);
                return r == null ? null : new ScorecardCell(new ToolRef(t.slug, t.name), r.score, r.decision, r.text);
            }).toList();
            scorecard.add(new ScorecardRow(CriticService.ref(critic), cells));
        }
        return new Comparison(columns, table, scorecard);
    }

    private static DecisionRow row(String label, List<Column> columns, Function<Column, String> cell) {
        return new DecisionRow(label, columns.stream().map(cell).toList());
    }

    /** "Ship · 4 ship / 0 skip", or "No reviews yet". */
    static String panelCell(PanelVerdict verdict) {
        return switch (verdict.decision()) {
            case NONE -> "No reviews yet";
            case SHIP -> "Ship · " + verdict.split();
            case SKIP -> "Skip · " + verdict.split();
            case SPLIT -> "Split · " + verdict.split();
        };
    }
}
