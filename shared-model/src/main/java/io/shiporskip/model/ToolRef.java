package io.shiporskip.model;

/**
 * A tool wherever a response refers to one (a vote, a claim, a comparison cell, an account's tools, a maker's
 * statistics): its slug and display name, as {@link CriticRef} is for critics. Responses that list tools for display
 * (bookmarks) carry the richer tool summary instead, which begins with the same {@code slug} and {@code name}.
 */
public record ToolRef(String slug, String name) {
}
