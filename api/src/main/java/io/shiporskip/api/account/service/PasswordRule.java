package io.shiporskip.api.account.service;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import io.shiporskip.api.platform.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses common and trivial passwords: zxcvbn (Dropbox's estimator, with its lists of common passwords, names and
 * keyboard patterns) must rate it at least 3 of 4 — "safely unguessable" against online guessing and a stolen bcrypt
 * hash alike. The account's own e-mail and display name count as known words.
 */
public final class PasswordRule {

    public static final int MIN_SCORE = 3;
    private static final Zxcvbn ESTIMATOR = new Zxcvbn();

    private PasswordRule() {
    }

    /** A 400 naming {@code password} with zxcvbn's advice when the password is too easy to guess. */
    public static void check(String password, String email, String displayName) {
        check("password", password, email, displayName);
    }

    /** The same, naming {@code field} (a change's {@code newPassword}). */
    public static void check(String field, String password, String email, String displayName) {
        List<String> known = new ArrayList<>(List.of("shiporskip", "ship", "skip"));
        if (email != null) {
            known.add(email.toLowerCase(Locale.ROOT));
            known.addAll(List.of(email.toLowerCase(Locale.ROOT).split("[@.+_-]")));
        }
        if (displayName != null) {
            known.add(displayName.toLowerCase(Locale.ROOT));
        }
        Strength strength = ESTIMATOR.measure(password, known);
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning();
            throw ApiProblem.badParameter(field, "is too easy to guess"
                    + (warning == null || warning.isBlank() ? "" : " (" + warning.replaceAll("\\.$", "") + ")")
                    + "; use a longer phrase of uncommon words");
        }
    }
}
