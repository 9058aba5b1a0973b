package io.shiporskip.api.tool.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shiporskip.api.tool.entity.Review;
import io.shiporskip.api.tool.entity.Tool;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<Review, Long> {

    /** A tool's reviews with their critics, in panel order. */
    public Uni<List<Review>> forTool(Tool tool) {
        return list("from Review r join fetch r.critic c where r.tool = ?1 order by c.position, c.id", tool);
    }

    /** Reviews of several tools at once (comparisons), with their critics. */
    public Uni<List<Review>> forTools(Collection<Long> toolIds) {
        return list("from Review r join fetch r.critic c join fetch r.tool t where t.id in ?1 "
                + "order by c.position, c.id", toolIds);
    }
}
