package io.shiporskip.model;

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
