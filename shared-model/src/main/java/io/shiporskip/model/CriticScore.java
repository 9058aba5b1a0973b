package io.shiporskip.model;

/** One critic's score and call, as a badge widget lists them; the critic is the same reference as everywhere else. */
public record CriticScore(CriticRef critic, int score, ReviewDecision decision) {
}
