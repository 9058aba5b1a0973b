package io.shiporskip.badge.rest;

/** A request value we do not accept; becomes a 400 problem naming {@link #field}. */
public class BadInputException extends RuntimeException {

    private final String field;

    public BadInputException(String field, String message) {
        super(message, null, false, false); // expected input errors need no stack trace
        this.field = field;
    }

    public String field() {
        return field;
    }
}
