package io.shiporskip.api.feed;

import java.time.Instant;

/** One verdict as both feed formats need it; built from a tool, so the renderers never see entities. */
public record FeedEntry(String id, String url, String title, String summary, String category, Instant published,
        Instant updated) {
}
