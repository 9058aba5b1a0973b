package io.shiporskip.badge.service;

import io.shiporskip.model.VerdictSnapshot;

/** The outcome of asking for a verdict; lookups never fail, they say what they could find. */
public record VerdictLookup(Status status, VerdictSnapshot snapshot) {

    public enum Status {
        /** A verdict, fresh from api or the last known one while api is down. */
        FOUND,
        /** api says there is no such tool. */
        UNKNOWN,
        /** api cannot be reached and no verdict for the slug was ever seen. */
        UNAVAILABLE,
        /**
         * Not looked up: the slug was never seen and the client has spent its budget of such lookups this minute.
         * Badges answer it like an unknown tool; clicks redirect without counting.
         */
        UNCHECKED
    }

    public static final VerdictLookup UNKNOWN_TOOL = new VerdictLookup(Status.UNKNOWN, null);
    public static final VerdictLookup NOT_AVAILABLE = new VerdictLookup(Status.UNAVAILABLE, null);
    public static final VerdictLookup NOT_CHECKED = new VerdictLookup(Status.UNCHECKED, null);

    public static VerdictLookup found(VerdictSnapshot snapshot) {
        return new VerdictLookup(Status.FOUND, snapshot);
    }

    public boolean found() {
        return status == Status.FOUND;
    }
}
