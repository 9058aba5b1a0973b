package io.shiporskip.badge.rest;

/** An error with an HTTP status and a detail a user can act on; becomes a problem document. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final int retryAfterSeconds;

    public ProblemException(int status, String detail) {
        this(status, detail, 0);
    }

    /** {@code retryAfterSeconds} above 0 is sent as {@code Retry-After} (a 503 that will pass). */
    public ProblemException(int status, String detail, int retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }
}
