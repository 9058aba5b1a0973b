package io.shiporskip.model;

/** A critic wherever it is referred to (a review, a scorecard row, a verdict's critics): its slug and display name. */
public record CriticRef(String slug, String name) {
}
