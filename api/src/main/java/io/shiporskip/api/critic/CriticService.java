package io.shiporskip.api.critic;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
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

    private final CriticRepository critics;

    public CriticService(CriticRepository critics) {
        this.critics = critics;
    }

    @WithSession
    public Uni<List<CriticView>> panel() {
        return critics.panel().map(list -> list.stream().map(CriticService::view).toList());
    }

    /** 409 when the slug is taken. */
    @WithTransaction
    public Uni<CriticView> create(NewCritic body) {
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
