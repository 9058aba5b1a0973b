package io.shiporskip.model;

import java.time.OffsetDateTime;
import java.util.List;

/** A tool with everything its review page shows: verdict, community and every review, panel order. */
public record ToolDetail(
        String slug,
        String name,
        String vendor,
        String tagline,
        String description,
        String category,
        String pricing,
        String entryPrice,
        String license,
        String website,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        PanelVerdict verdict,
        CommunitySummary community,
        List<Review> reviews) {
}
