package io.shiporskip.api.tool.service;

import io.shiporskip.api.config.ApiConfig.Site;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.model.Markup;
import io.shiporskip.model.VerdictWording;
import io.shiporskip.api.tool.mapping.ToolMapper;
import io.shiporskip.api.tool.repository.ToolCursor;
import io.shiporskip.api.tool.repository.ToolListQuery;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shiporskip.api.tool.entity.Tool;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.tool.repository.ReviewRepository;
import io.shiporskip.api.tool.repository.ToolRepository;
import io.shiporskip.api.critic.CriticService;
import io.shiporskip.model.CriticScore;
import io.shiporskip.api.platform.Page;
import io.shiporskip.api.platform.Representation;
import io.shiporskip.model.PanelVerdict;
import io.shiporskip.api.tool.mapping.ShareText;
import io.shiporskip.api.tool.mapping.ToolDetail;
import io.shiporskip.api.tool.mapping.ToolSummary;
import io.shiporskip.model.VerdictSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Read side of the catalog: tools, verdicts, critics, categories, sharing. */
@ApplicationScoped
public class ToolService {

    private final ToolRepository tools;
    private final ReviewRepository reviews;
    private final Site config;
    private final ToolReadCache cache;
    private final Counter verdictLoads;

    public ToolService(ToolRepository tools, ReviewRepository reviews, ApiConfig apiConfig,
            ToolReadCache cache, MeterRegistry registry) {
        Site config = apiConfig.site();
        this.tools = tools;
        this.reviews = reviews;
        this.config = config;
        this.cache = cache;
        this.verdictLoads = Counter.builder("catalog.verdict.loads")
                .description("Verdicts read from the database (read-cache misses), whoever asked").register(registry);
    }

    /** A page of the list as the bytes to send (cached). */
    public Uni<Representation<Page<ToolSummary>>> list(ToolListQuery query) {
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
            return new Page<>(page.stream().map(ToolMapper::summary).toList(), next);
        });
    }

    public Uni<ToolDetail> detail(String slug) {
        return detailRepresentation(slug).map(Representation::value);
    }

    /** The tool page as the bytes to send (cached). */
    public Uni<Representation<ToolDetail>> detailRepresentation(String slug) {
        return cache.detail(slug, () -> loadDetail(slug));
    }

    /** The tool page's bytes if they are cached, else null; never touches the database. */
    public Representation<ToolDetail> cachedDetail(String slug) {
        return cache.cachedDetail(slug);
    }

    @WithSession
    Uni<ToolDetail> loadDetail(String slug) {
        return tools.requireBySlug(slug).chain(tool -> reviews.forTool(tool).map(list -> ToolMapper.detail(tool, list)));
    }

    public Uni<VerdictSnapshot> verdict(String slug) {
        return verdictRepresentation(slug).map(Representation::value);
    }

    /** The verdict as the bytes to send (cached). */
    public Uni<Representation<VerdictSnapshot>> verdictRepresentation(String slug) {
        return cache.verdict(slug, () -> loadVerdict(slug));
    }

    @WithSession
    Uni<VerdictSnapshot> loadVerdict(String slug) {
        verdictLoads.increment();
        return tools.requireBySlug(slug).chain(tool -> reviews.forTool(tool).map(list -> {
            PanelVerdict verdict = ToolMapper.verdict(tool);
            List<CriticScore> scores = list.stream()
                    .map(r -> new CriticScore(CriticService.ref(r.critic), r.score, r.decision)).toList();
            return new VerdictSnapshot(tool.slug, tool.name, tool.tagline, verdict.decision(), verdict.ships(),
                    verdict.skips(), verdict.shipPercent(), verdict.meanScore(), verdict.reviewCount(),
                    ToolMapper.community(tool), scores, versionOf(tool));
        }));
    }



    @WithSession
    public Uni<List<ToolSummary>> alternatives(String slug, int limit) {
        return tools.requireBySlug(slug).chain(tool -> tools.alternativesTo(tool, limit))
                .map(list -> list.stream().map(ToolMapper::summary).toList());
    }

    @WithSession
    public Uni<ShareText> share(String slug) {
        return tools.requireBySlug(slug).map(tool -> {
            String url = config.reviewPageUrl(tool.slug);
            PanelVerdict verdict = ToolMapper.verdict(tool);
            String panel = switch (verdict.decision()) {
                case SHIP -> "SHIP 🚀 ";
                case SKIP -> "SKIP 🛑 ";
                case SPLIT -> "SPLIT ⚖️ ";
                case NONE -> null;
            };
            String text = panel == null
                    ? Markup.clean(tool.name) + " is waiting for the expert panel's verdict. Full review: " + url
                    : Markup.clean(tool.name) + " verdict: " + panel + VerdictWording.tally(verdict.ships(), verdict.skips()) + " from the expert panel. Full review: " + url;
            return new ShareText(text, url);
        });
    }


    /**
     * Changes with every verdict change; the update time makes it differ across database rebuilds too,
     * so a cache never mistakes a new verdict for an old one.
     */
    static String versionOf(Tool tool) {
        return tool.verdictVersion + "-" + Long.toString(tool.updatedAt.toInstant().toEpochMilli(), 36);
    }
}
