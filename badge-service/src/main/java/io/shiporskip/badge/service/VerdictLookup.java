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
        UNAVAILABLE
    }

    public static final VerdictLookup UNKNOWN_TOOL = new VerdictLookup(Status.UNKNOWN, null);
    public static final VerdictLookup NOT_AVAILABLE = new VerdictLookup(Status.UNAVAILABLE, null);

    public static VerdictLookup found(VerdictSnapshot snapshot) {
        return new VerdictLookup(Status.FOUND, snapshot);
    }

    public boolean found() {
        return status == Status.FOUND;
    }
}
