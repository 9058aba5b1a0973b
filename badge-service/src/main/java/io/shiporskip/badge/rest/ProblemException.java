package io.shiporskip.badge.rest;

/** An error with an HTTP status and a detail a user can act on; becomes a problem document. */
public class ProblemException extends RuntimeException {

    private final int status;

    public ProblemException(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
