package io.shiporskip.badge.counting;

/** What was served: a badge image, an embed widget, or a click-through. Stored as {@link #db}. */
public enum EventKind {
    BADGE("badge"),
    EMBED("embed"),
    CLICK("click");

    public final String db;

    EventKind(String db) {
        this.db = db;
    }
}
