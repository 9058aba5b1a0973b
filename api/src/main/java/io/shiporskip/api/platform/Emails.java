package io.shiporskip.api.platform;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One normal form for e-mail addresses: sign-up, sign-in, maker grants, the first admin and newsletter sign-ups.
 * Trimmed and lower-cased (providers treat the local part case-insensitively in practice, and two rows for
 * "Ann@x.org" and "ann@x.org" would be two accounts or two digests). Deliberately narrower than RFC 5322 (no
 * quoted local parts, no IP literals): it is what real mailboxes use, and nothing that passes can inject a
 * mail header.
 */
public final class Emails {

    public static final int MAX_LENGTH = 254;
    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private Emails() {
    }

    /** The normal form, or a 400 naming {@code field}. */
    public static String normalise(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.badParameter(field, "is required");
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        if (email.length() > MAX_LENGTH || at < 1 || at > 64 || !LOCAL.matcher(email.substring(0, at)).matches()
                || !DOMAIN.matcher(email.substring(at + 1)).matches()) {
            throw ApiProblem.badParameter(field, "must be a valid e-mail address");
        }
        return email;
    }
}
