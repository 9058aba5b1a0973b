package io.shiporskip.api.demo;

import io.shiporskip.api.config.ApiConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.shiporskip.api.critic.Critic;
import io.shiporskip.api.tool.entity.Review;
import io.shiporskip.api.tool.entity.Tool;
import io.shiporskip.api.critic.CriticRepository;
import io.shiporskip.api.tool.repository.ToolRepository;
import io.shiporskip.api.tool.service.VerdictService;
import io.shiporskip.model.ReviewDecision;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the demo catalog (the tools of the reference pages, our own review texts) when
 * {@code shiporskip.demo-data=true}. Idempotent: critics and tools are matched by slug and only the missing
 * ones are inserted, so restarting never duplicates or overwrites anything.
 */
@jakarta.enterprise.context.ApplicationScoped
public class DemoDataLoader {

    static final String RESOURCE = "demo/catalog.json";

    record DemoCatalog(List<DemoCritic> critics, List<DemoTool> tools) {
    }

    record DemoCritic(String slug, String name, String lens, int position) {
    }

    record DemoTool(String slug, String name, String vendor, String tagline, String description, String category,
            String pricing, String entryPrice, String license, String website, OffsetDateTime addedAt,
            List<DemoReview> reviews) {
    }

    record DemoReview(String critic, int score, ReviewDecision decision, String text) {
    }

    private final ApiConfig config;
    private final ObjectMapper json;
    private final CriticRepository critics;
    private final ToolRepository tools;
    private final VerdictService verdicts;

    public DemoDataLoader(ApiConfig apiConfig, ObjectMapper json, CriticRepository critics, ToolRepository tools,
            VerdictService verdicts) {
        this.config = apiConfig;
        this.json = json;
        this.critics = critics;
        this.tools = tools;
        this.verdicts = verdicts;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!config.demoData()) {
            return;
        }
        int added = VertxContextSupport.subscribeAndAwait(this::loadMissing);
        Log.infof("Demo data: %d tools added (the others were already there)", added);
    }

    /** Adds whatever of the demo catalog is missing, in one transaction; answers how many tools it added. */
    public Uni<Integer> loadMissing() {
        DemoCatalog catalog = read();
        return Panache.withTransaction(() -> load(catalog));
    }

    private DemoCatalog read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return json.readValue(in, DemoCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("demo catalog " + RESOURCE + " is unreadable", e);
        }
    }

    private Uni<Integer> load(DemoCatalog catalog) {
        return critics.listAll().chain(existing -> {
            Map<String, Critic> bySlug = existing.stream().collect(Collectors.toMap(c -> c.slug, Function.identity()));
            List<Critic> missing = catalog.critics().stream().filter(c -> !bySlug.containsKey(c.slug())).map(c -> {
                Critic critic = new Critic();
                critic.slug = c.slug();
                critic.name = c.name();
                critic.lens = c.lens();
                critic.position = c.position();
                bySlug.put(c.slug(), critic);
                return critic;
            }).toList();
            return missing.isEmpty() ? Uni.createFrom().item(bySlug) : critics.persist(missing).replaceWith(bySlug);
        }).chain(panel -> Multi.createFrom().iterable(catalog.tools())
                .onItem().transformToUniAndConcatenate(demo -> addIfMissing(demo, panel))
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Boolean> addIfMissing(DemoTool demo, Map<String, Critic> panel) {
        return tools.findBySlug(demo.slug()).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(false);
            }
            Tool tool = new Tool();
            tool.slug = demo.slug();
            tool.name = demo.name();
            tool.vendor = demo.vendor();
            tool.tagline = demo.tagline();
            tool.description = demo.description();
            tool.category = demo.category();
            tool.pricing = demo.pricing();
            tool.entryPrice = demo.entryPrice();
            tool.license = demo.license();
            tool.website = demo.website();
            tool.createdAt = demo.addedAt();
            tool.updatedAt = demo.addedAt();
            List<Review> reviews = demo.reviews().stream().map(r -> {
                Review review = new Review();
                review.tool = tool;
                review.critic = panel.get(r.critic());
                review.score = r.score();
                review.decision = r.decision();
                review.text = r.text();
                review.publishedAt = demo.addedAt();
                return review;
            }).toList();
            return tools.persist(tool)
                    .chain(() -> Panache.getSession().chain(s -> s.persistAll(reviews.toArray())))
                    .chain(() -> verdicts.refresh(tool))
                    .replaceWith(true);
        });
    }
}
