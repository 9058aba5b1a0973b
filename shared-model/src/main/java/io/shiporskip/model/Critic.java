package io.shiporskip.model;

/** A persona of the panel. {@code position} orders the panel (Builder first). */
public record Critic(String slug, String name, String lens, int position) {
}
