package io.shiporskip.api.newsletter;

import io.shiporskip.api.error.ApiProblem;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates and normalises sign-up addresses, so one mailbox is one subscriber row. */
public final class EmailAddresses {

    // Deliberately narrower than RFC 5322 (no quoted local parts, no IP literals): it is what real mailboxes use,
    // and nothing that passes can inject a header.
    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private EmailAddresses() {
    }

    /**
     * Trimmed and lower-cased: providers treat the local part case-insensitively in practice, and two rows for
     * "Ann@x.org" and "ann@x.org" would mean two digests.
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.badParameter("email", "is required");
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        if (email.length() > 254 || at < 1 || at > 64 || !LOCAL.matcher(email.substring(0, at)).matches()
                || !DOMAIN.matcher(email.substring(at + 1)).matches()) {
            throw ApiProblem.badParameter("email", "must be a valid e-mail address");
        }
        return email;
    }
}
