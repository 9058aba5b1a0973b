package io.shiporskip.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Slug rules: lower-case kebab case, ASCII letters and digits, at most {@value #MAX_LENGTH} characters. */
public final class Slugs {

    public static final int MAX_LENGTH = 100;
    public static final String PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /**
     * Whether {@code slug} matches {@link #PATTERN} and fits {@link #MAX_LENGTH}. Hand-written rather than a regex:
     * the badge route checks every request's slug, and this allocates nothing.
     */
    public static boolean isValid(String slug) {
        int n = slug == null ? 0 : slug.length();
        if (n == 0 || n > MAX_LENGTH) {
            return false;
        }
        boolean afterDash = true; // a slug may not start with '-'
        for (int i = 0; i < n; i++) {
            char c = slug.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                afterDash = false;
            } else if (c == '-' && !afterDash) {
                afterDash = true;
            } else {
                return false;
            }
        }
        return !afterDash;
    }

    /** "SmolVLM 2.5" → "smolvlm-2-5". Accents are folded; anything else becomes a separator. */
    public static String fromName(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = NON_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }
}
