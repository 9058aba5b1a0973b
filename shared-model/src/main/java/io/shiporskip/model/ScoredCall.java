package io.shiporskip.model;

/** The two facts of a review that the panel rule looks at. */
public record ScoredCall(int score, ReviewDecision decision) {
    public ScoredCall {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be within 0..100, was " + score);
        }
        if (decision == null) {
            throw new IllegalArgumentException("decision is required");
        }
    }
}
