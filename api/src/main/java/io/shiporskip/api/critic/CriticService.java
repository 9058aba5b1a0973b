package io.shiporskip.api.critic;

import io.shiporskip.model.CriticRef;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.config.ApiConfig.ReadCache;
import io.shiporskip.api.platform.Representation;
import io.shiporskip.api.platform.RepresentationCache;
import io.shiporskip.api.platform.Representations;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.Params;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The panel: who reviews, in which order. */
@ApplicationScoped
public class CriticService {

    /** Sizes mirror the critic table of V1__catalog.sql. */
    public record NewCritic(
            @Size(max = 100) @Pattern(regexp = Params.SLUG_PATTERN, message = Params.SLUG_MESSAGE) String slug,
            @NotBlank @Size(max = 60) String name,
            @NotBlank @Size(max = 300) String lens,
            @Min(0) @Max(1000) Integer position) {
    }

    private static final String PANEL = "panel";

    private final CriticRepository critics;
    /** The panel as the bytes to send; dropped when a critic is added here, on other copies after the TTL. */
    private final RepresentationCache<String, List<CriticView>> cache;

    public CriticService(CriticRepository critics, ApiConfig apiConfig, Representations representations,
            MeterRegistry registry) {
        this.critics = critics;
        ReadCache config = apiConfig.readCache();
        this.cache = new RepresentationCache<>("catalog.critics", config.ttl(), config.maxSize(), new AtomicLong(),
                representations, registry);
    }

    public Uni<List<CriticView>> panel() {
        return panelRepresentation().map(Representation::value);
    }

    /** The panel as the bytes to send (cached). */
    public Uni<Representation<List<CriticView>>> panelRepresentation() {
        return cache.get(PANEL, this::loadPanel);
    }

    @WithSession
    Uni<List<CriticView>> loadPanel() {
        return critics.panel().map(list -> list.stream().map(CriticService::view).toList());
    }

    /** 409 when the slug is taken. The cached panel is dropped once the critic is committed. */
    public Uni<CriticView> create(NewCritic body) {
        return Panache.withTransaction(() -> insert(body)).invoke(() -> cache.invalidateAll());
    }

    private Uni<CriticView> insert(NewCritic body) {
        String slug = Params.newSlug(body.slug(), body.name());
        return critics.findBySlug(slug).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ApiProblem.conflict("A critic with slug '" + slug + "' already exists"));
            }
            return critics.panel().chain(panel -> {
                Critic critic = new Critic();
                critic.slug = slug;
                critic.name = body.name().trim();
                critic.lens = body.lens().trim();
                // Without a position the new critic joins the end of the panel.
                critic.position = body.position() != null ? body.position()
                        : panel.stream().mapToInt(c -> c.position).max().orElse(0) + 1;
                return critics.persist(critic);
            });
        }).map(CriticService::view);
    }

    /** The critic, or a 404 problem naming the slug. */
    public Uni<Critic> requireBySlug(String slug) {
        return critics.findBySlug(slug).onItem().ifNull()
                .failWith(() -> ApiProblem.notFound("No critic with slug '" + slug + "'"));
    }

    public static CriticView view(Critic critic) {
        return new CriticView(critic.slug, critic.name, critic.lens, critic.position);
    }

    public static CriticRef ref(Critic critic) {
        return new CriticRef(critic.slug, critic.name);
    }
}
