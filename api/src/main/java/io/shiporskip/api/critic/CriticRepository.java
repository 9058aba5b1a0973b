package io.shiporskip.api.critic;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class CriticRepository implements PanacheRepositoryBase<Critic, Long> {

    /** The panel, in its order (Builder first). */
    public Uni<List<Critic>> panel() {
        return listAll(Sort.by("position").and("id"));
    }

    public Uni<Critic> findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }
}
