package io.shiporskip.api.platform;

import java.nio.charset.StandardCharsets;
import java.net.URLDecoder;
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

    private static final java.util.regex.Pattern ASCII_NUMBER = java.util.regex.Pattern.compile("[0-9]{1,9}");

    public static int intInRange(String name, String value, int min, int max, int defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        // ASCII digits only: Integer.parseInt would also take "+5" and other scripts' digits ("٥").
        if (ASCII_NUMBER.matcher(value).matches()) {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
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

    /** name's value in an application/x-www-form-urlencoded body; a malformed field is a 400 on that field. */
    public static String formField(String form, String name) {
        if (form == null) {
            return null;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            try {
                if (URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException malformedEscape) {
                throw ApiProblem.badParameter(name, "is not a well-formed form field");
            }
        }
        return null;
    }
}
