package io.shiporskip.api.tool.mapping;

import io.shiporskip.model.CommunitySummary;
import io.shiporskip.model.PanelVerdict;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
        @Schema(nullable = true, description = "null when the editors have not set one") String license,
        @Schema(nullable = true, format = "uri", description = "null when the editors have not set one") String website,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        PanelVerdict verdict,
        CommunitySummary community,
        List<ReviewView> reviews) {
}
