package io.shiporskip.api.tool.mapping;

import io.shiporskip.api.critic.CriticService;
import io.shiporskip.api.tool.entity.Review;
import io.shiporskip.api.tool.entity.Tool;
import io.shiporskip.model.CommunitySummary;
import io.shiporskip.model.PanelVerdict;
import java.util.List;

/** Entities to the shared JSON contract, for every package: resources only ever return these records. */
public final class ToolMapper {

    private ToolMapper() {
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
                verdict(tool), community(tool), reviews.stream().map(ToolMapper::review).toList());
    }

    public static io.shiporskip.api.tool.mapping.ReviewView review(Review review) {
        return new io.shiporskip.api.tool.mapping.ReviewView(CriticService.ref(review.critic), review.score, review.decision, review.text,
                review.publishedAt);
    }


}
