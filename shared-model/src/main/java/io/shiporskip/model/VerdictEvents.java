package io.shiporskip.model;

/** api announces every verdict change with PostgreSQL {@code NOTIFY}; badge-service LISTENs. */
public final class VerdictEvents {

    /** The channel; the payload is the changed tool's slug. */
    public static final String CHANNEL = "verdict_changed";

    private VerdictEvents() {
    }
}
