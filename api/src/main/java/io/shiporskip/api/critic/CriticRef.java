package io.shiporskip.api.critic;

/** A critic as it appears inside a review: enough to label it. */
public record CriticRef(String slug, String name) {
}
