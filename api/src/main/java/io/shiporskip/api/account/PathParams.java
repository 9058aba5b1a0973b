package io.shiporskip.api.account;

import io.shiporskip.api.error.ApiProblem;
import io.shiporskip.model.Slugs;

/** Path parameters of the account and editorial routes, parsed into 400s naming the parameter. */
public final class PathParams {

    private PathParams() {
    }

    public static String slug(String name, String value) {
        if (!Slugs.isValid(value)) {
            throw ApiProblem.badParameter(name,
                    "must be lower-case letters, digits and single hyphens, at most " + Slugs.MAX_LENGTH + " characters");
        }
        return value;
    }

    public static int limit(String value, int max, int defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiProblem.badParameter("limit", "must be a whole number from 1 to " + max);
    }
}
