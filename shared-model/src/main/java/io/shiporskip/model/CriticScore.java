package io.shiporskip.model;

/** One critic's score and call, as a badge widget lists them. */
public record CriticScore(String critic, int score, ReviewDecision decision) {
}
