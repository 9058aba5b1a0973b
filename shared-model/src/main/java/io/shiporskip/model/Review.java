package io.shiporskip.model;

import java.time.OffsetDateTime;

/** One critic's review of one tool. */
public record Review(
        CriticRef critic,
        int score,
        ReviewDecision decision,
        String text,
        OffsetDateTime publishedAt) {
}
