package io.shiporskip.api.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shiporskip.api.config.SiteConfig;
import io.shiporskip.api.domain.Tool;
import io.shiporskip.api.error.ApiProblem;
import io.shiporskip.api.repository.CriticRepository;
import io.shiporskip.api.repository.ReviewRepository;
import io.shiporskip.api.repository.ToolRepository;
import io.shiporskip.model.CategoryCount;
import io.shiporskip.model.Critic;
import io.shiporskip.model.CriticScore;
import io.shiporskip.model.Page;
import io.shiporskip.model.PanelVerdict;
import io.shiporskip.model.ShareText;
import io.shiporskip.model.ToolDetail;
import io.shiporskip.model.ToolSummary;
import io.shiporskip.model.VerdictSnapshot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Read side of the catalog: tools, verdicts, critics, categories, sharing. */
@ApplicationScoped
public class CatalogService {

    private final ToolRepository tools;
    private final ReviewRepository reviews;
    private final CriticRepository critics;
    private final SiteConfig config;
    private final CatalogCache cache;

    public CatalogService(ToolRepository tools, ReviewRepository reviews, CriticRepository critics, SiteConfig config,
            CatalogCache cache) {
        this.tools = tools;
        this.reviews = reviews;
        this.critics = critics;
        this.config = config;
        this.cache = cache;
    }

    public Uni<Page<ToolSummary>> list(ToolListQuery query) {
        return cache.page(query, () -> loadPage(query));
    }

    @WithSession
    Uni<Page<ToolSummary>> loadPage(ToolListQuery query) {
        return tools.page(query).map(found -> {
            boolean more = found.size() > query.limit();
            List<Tool> page = more ? found.subList(0, query.limit()) : found;
            String next = null;
            if (more) {
                Tool last = page.get(page.size() - 1);
                next = new ToolCursor(query.sort(), ToolRepository.sortKeyOf(last, query.sort()), last.id).encode();
            }
            return new Page<>(page.stream().map(Dtos::summary).toList(), next);
        });
    }

    public Uni<ToolDetail> detail(String slug) {
        return cache.detail(slug, () -> loadDetail(slug));
    }

    @WithSession
    Uni<ToolDetail> loadDetail(String slug) {
        return require(slug).chain(tool -> reviews.forTool(tool).map(list -> Dtos.detail(tool, list)));
    }

    public Uni<VerdictSnapshot> verdict(String slug) {
        return cache.verdict(slug, () -> loadVerdict(slug));
    }

    @WithSession
    Uni<VerdictSnapshot> loadVerdict(String slug) {
        return require(slug).chain(tool -> reviews.forTool(tool).map(list -> {
            PanelVerdict verdict = Dtos.verdict(tool);
            List<CriticScore> scores = list.stream()
                    .map(r -> new CriticScore(r.critic.name, r.score, r.decision)).toList();
            return new VerdictSnapshot(tool.slug, tool.name, tool.tagline, verdict.decision(), verdict.ships(),
                    verdict.skips(), verdict.shipPercent(), verdict.meanScore(), verdict.reviewCount(),
                    Dtos.community(tool), scores, versionOf(tool));
        }));
    }

    @WithSession
    public Uni<List<Critic>> critics() {
        return critics.panel().map(list -> list.stream().map(Dtos::critic).toList());
    }

    @WithSession
    public Uni<List<CategoryCount>> categories() {
        return tools.categories();
    }

    @WithSession
    public Uni<List<ToolSummary>> alternatives(String slug, int limit) {
        return require(slug).chain(tool -> tools.alternativesTo(tool, limit))
                .map(list -> list.stream().map(Dtos::summary).toList());
    }

    @WithSession
    public Uni<ShareText> share(String slug) {
        return require(slug).map(tool -> {
            String url = config.reviewPageUrl(tool.slug);
            PanelVerdict verdict = Dtos.verdict(tool);
            String panel = switch (verdict.decision()) {
                case SHIP -> "SHIP 🚀 ";
                case SKIP -> "SKIP 🛑 ";
                case SPLIT -> "SPLIT ⚖️ ";
                case NONE -> null;
            };
            String text = panel == null
                    ? tool.name + " is waiting for the expert panel's verdict. Full review: " + url
                    : tool.name + " verdict: " + panel + plural(verdict.ships(), "ship") + " · "
                            + plural(verdict.skips(), "skip") + " from the expert panel. Full review: " + url;
            return new ShareText(text, url);
        });
    }

    Uni<Tool> require(String slug) {
        return tools.findBySlug(slug).onItem().ifNull()
                .failWith(() -> ApiProblem.notFound("No tool with slug '" + slug + "'"));
    }

    /**
     * Changes with every verdict change; the update time makes it differ across database rebuilds too,
     * so a cache never mistakes a new verdict for an old one.
     */
    static String versionOf(Tool tool) {
        return tool.verdictVersion + "-" + Long.toString(tool.updatedAt.toInstant().toEpochMilli(), 36);
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
