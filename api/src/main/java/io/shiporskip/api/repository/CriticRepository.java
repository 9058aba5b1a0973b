package io.shiporskip.api.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.shiporskip.api.domain.Critic;
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
