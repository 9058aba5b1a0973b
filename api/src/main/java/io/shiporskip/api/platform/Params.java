package io.shiporskip.api.platform;

import io.shiporskip.model.Slugs;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Query and path parameters arrive as strings and are parsed here, for every resource, so a bad value is a
 * 400 naming the parameter (JAX-RS would answer a failed conversion with a bare 404).
 */
public final class Params {

    private Params() {
    }

    public static String slug(String name, String value) {
        if (!Slugs.isValid(value)) {
            throw ApiProblem.badParameter(name,
                    "must be lower-case letters, digits and single hyphens, at most " + Slugs.MAX_LENGTH + " characters");
        }
        return value;
    }

    public static int intInRange(String name, String value, int min, int max, int defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below, the same as an out-of-range number
        }
        throw ApiProblem.badParameter(name, "must be a whole number from " + min + " to " + max);
    }

    /** Enum values are matched case-insensitively on their wire names; hyphens map to underscores. */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type, E defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw ApiProblem.badParameter(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", ")));
    }

    public static String optionalText(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiProblem.badParameter(name, "must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw ApiProblem.badParameter(name, "must not contain control characters");
        }
        return value.trim();
    }

    /** A body's slug pattern, for {@code @Pattern} on request records. */
    public static final String SLUG_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
    public static final String SLUG_MESSAGE = "must be lower-case letters, digits and single hyphens";

    /** The slug sent, or one derived from the name; a 400 naming {@code slug} when neither is usable. */
    public static String newSlug(String sent, String name) {
        String slug = sent != null ? sent : Slugs.fromName(name);
        if (!Slugs.isValid(slug)) {
            throw ApiProblem.badParameter("slug",
                    "cannot be derived from this name; send a slug of lower-case letters, digits and hyphens");
        }
        return slug;
    }
}
