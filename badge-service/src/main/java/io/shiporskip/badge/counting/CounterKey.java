package io.shiporskip.badge.counting;

/** One counter row: (tool, UTC epoch day, kind, source, placement, referrer host). */
public record CounterKey(String slug, int epochDay, EventKind kind, Source source, Placement placement, String referrerHost) {
}
