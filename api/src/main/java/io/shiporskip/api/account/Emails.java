package io.shiporskip.api.account;

import io.shiporskip.api.error.ApiProblem;
import java.util.Locale;
import java.util.regex.Pattern;

/** One normal form for e-mail addresses, used on sign-up, sign-in and maker grants alike. */
public final class Emails {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}.]+$");

    private Emails() {
    }

    /** Trimmed and lower-cased; a 400 naming {@code field} when it is not shaped like an address. */
    public static String normalise(String field, String email) {
        String normal = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (normal.isEmpty() || normal.length() > MAX_LENGTH || !SHAPE.matcher(normal).matches()) {
            throw ApiProblem.badParameter(field, "must be an e-mail address of at most " + MAX_LENGTH + " characters");
        }
        return normal;
    }
}
