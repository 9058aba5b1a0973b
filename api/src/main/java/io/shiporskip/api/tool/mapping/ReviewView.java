package io.shiporskip.api.tool.mapping;

import io.shiporskip.model.CriticRef;
import io.shiporskip.model.ReviewDecision;

import java.time.OffsetDateTime;

/** One critic's review of one tool. */
public record ReviewView(
        CriticRef critic,
        int score,
        ReviewDecision decision,
        String text,
        OffsetDateTime publishedAt) {
}
