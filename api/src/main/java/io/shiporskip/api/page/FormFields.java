package io.shiporskip.api.page;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a field of an {@code application/x-www-form-urlencoded} body. Decoded here rather than with
 * {@code @RestForm}: Vert.x's form decoder never answers a body with a malformed %-escape, so such a request would
 * hang (the newsletter confirmation route learnt this first).
 */
final class FormFields {

    /** A field that is not well-formed %-encoding. */
    static final class Malformed extends RuntimeException {
        Malformed() {
            super("malformed form field", null, false, false);
        }
    }

    private FormFields() {
    }

    /** The first value of {@code name}, "" for a bare name, null when absent. */
    static String value(String form, String name) {
        if (form == null || form.isEmpty()) {
            return null;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            try {
                if (URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException malformedEscape) {
                throw new Malformed();
            }
        }
        return null;
    }
}
