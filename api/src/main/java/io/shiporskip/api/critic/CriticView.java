package io.shiporskip.api.critic;

/** A persona of the panel. {@code position} orders the panel (Builder first). */
public record CriticView(String slug, String name, String lens, int position) {
}
