package io.shiporskip.api.service;

import io.shiporskip.api.domain.Critic;
import io.shiporskip.api.domain.Review;
import io.shiporskip.api.domain.Tool;
import io.shiporskip.model.CommunitySummary;
import io.shiporskip.model.CriticRef;
import io.shiporskip.model.PanelVerdict;
import io.shiporskip.model.ToolDetail;
import io.shiporskip.model.ToolSummary;
import java.util.List;

/** Entities to the shared JSON contract, for every package: resources only ever return these records. */
public final class Dtos {

    private Dtos() {
    }

    public static PanelVerdict verdict(Tool tool) {
        return new PanelVerdict(tool.panelDecision, tool.panelShips, tool.panelSkips, tool.panelShipPercent,
                tool.panelMeanScore == null ? null : tool.panelMeanScore.doubleValue(),
                tool.panelShips + tool.panelSkips);
    }

    public static CommunitySummary community(Tool tool) {
        return CommunitySummary.of(tool.communityShips, tool.communitySkips);
    }

    public static ToolSummary summary(Tool tool) {
        return new ToolSummary(tool.slug, tool.name, tool.vendor, tool.tagline, tool.category, tool.entryPrice,
                verdict(tool), community(tool), tool.createdAt);
    }

    public static ToolDetail detail(Tool tool, List<Review> reviews) {
        return new ToolDetail(tool.slug, tool.name, tool.vendor, tool.tagline, tool.description, tool.category,
                tool.pricing, tool.entryPrice, tool.license, tool.website, tool.createdAt, tool.updatedAt,
                verdict(tool), community(tool), reviews.stream().map(Dtos::review).toList());
    }

    public static io.shiporskip.model.Review review(Review review) {
        return new io.shiporskip.model.Review(criticRef(review.critic), review.score, review.decision, review.text,
                review.publishedAt);
    }

    public static CriticRef criticRef(Critic critic) {
        return new CriticRef(critic.slug, critic.name);
    }

    public static io.shiporskip.model.Critic critic(Critic critic) {
        return new io.shiporskip.model.Critic(critic.slug, critic.name, critic.lens, critic.position);
    }
}
