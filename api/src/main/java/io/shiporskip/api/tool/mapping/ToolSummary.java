package io.shiporskip.api.tool.mapping;

import io.shiporskip.model.CommunitySummary;
import io.shiporskip.model.PanelVerdict;

import java.time.OffsetDateTime;

/** A tool as lists show it. */
public record ToolSummary(
        String slug,
        String name,
        String vendor,
        String tagline,
        String category,
        String entryPrice,
        PanelVerdict verdict,
        CommunitySummary community,
        OffsetDateTime createdAt) {
}
