package io.shiporskip.api.tool.service;

import io.shiporskip.model.VerdictEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.shiporskip.api.tool.entity.Review;
import io.shiporskip.api.tool.entity.Tool;
import io.shiporskip.api.tool.repository.ReviewRepository;
import io.shiporskip.model.PanelRule;
import io.shiporskip.model.PanelVerdict;
import io.shiporskip.model.ScoredCall;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps a tool's stored verdict equal to what the panel rule makes of its reviews, bumps the version badges
 * key their caches on, and tells badge-service (PostgreSQL NOTIFY, delivered on commit). Call it inside the
 * transaction that changed the reviews or votes.
 */
@ApplicationScoped
public class VerdictService {

    private final ReviewRepository reviews;
    private final ToolReadCache cache;

    public VerdictService(ReviewRepository reviews, ToolReadCache cache) {
        this.reviews = reviews;
        this.cache = cache;
    }

    public Uni<Tool> refresh(Tool tool) {
        return reviews.list("tool", tool).chain(list -> {
            apply(tool, list);
            return announce(tool);
        });
    }

    /**
     * Runs a write to one tool in a transaction, then drops the tool from the read cache once more after the commit:
     * a read that ran while the write was in flight may have cached the state from before it.
     */
    public <T> Uni<T> afterCommit(String slug, Supplier<Uni<T>> write) {
        return Panache.withTransaction(write).invoke(() -> cache.invalidate(slug));
    }

    /** Marks a change a badge shows (name, votes) without re-reading the reviews. */
    public Uni<Tool> announce(Tool tool) {
        cache.invalidate(tool.slug);
        tool.verdictVersion++;
        tool.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.getSession()
                .chain(session -> session.flush()
                        .chain(() -> session.createNativeQuery("SELECT pg_notify(:channel, :slug)")
                                .setParameter("channel", VerdictEvents.CHANNEL)
                                .setParameter("slug", tool.slug)
                                .getSingleResult()))
                .replaceWith(tool);
    }

    private static void apply(Tool tool, List<Review> reviews) {
        PanelVerdict verdict = PanelRule.verdictOf(reviews.stream()
                .map(r -> new ScoredCall(r.score, r.decision)).toList());
        tool.panelDecision = verdict.decision();
        tool.panelShips = verdict.ships();
        tool.panelSkips = verdict.skips();
        tool.panelShipPercent = verdict.shipPercent();
        tool.panelMeanScore = verdict.meanScore() == null ? null : BigDecimal.valueOf(verdict.meanScore());
    }
}
