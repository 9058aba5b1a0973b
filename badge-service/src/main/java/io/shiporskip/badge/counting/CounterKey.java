package io.shiporskip.badge.counting;

/**
 * One counter row: (tool, UTC epoch day, kind, source, placement, referrer host, discard reason). The reason is
 * {@code ""} for counted events and a {@link DiscardReason#tag} for source {@code discarded}.
 */
public record CounterKey(String slug, int epochDay, EventKind kind, Source source, Placement placement, String referrerHost,
        String discardReason) {

    /** A counted event's row. */
    public CounterKey(String slug, int epochDay, EventKind kind, Source source, Placement placement, String referrerHost) {
        this(slug, epochDay, kind, source, placement, referrerHost, "");
    }
}
