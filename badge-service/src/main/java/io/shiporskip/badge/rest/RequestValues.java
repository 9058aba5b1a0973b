package io.shiporskip.badge.rest;

import io.shiporskip.badge.counting.Placement;
import io.shiporskip.badge.render.BadgeStyle;
import io.shiporskip.badge.render.Theme;
import io.shiporskip.model.Slugs;
import java.util.List;

/** Validation of path and query values for the Quarkus REST routes; failures name the parameter. */
final class RequestValues {

    private RequestValues() {
    }

    static String slug(String slug) {
        if (!Slugs.isValid(slug)) {
            throw new BadInputException("slug", "slug must be lower-case kebab case (a-z, 0-9, '-'), at most " + Slugs.MAX_LENGTH + " characters");
        }
        return slug;
    }

    static String single(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadInputException(name, name + " may be given only once");
        }
        return values.get(0);
    }

    static Theme theme(List<String> values) {
        String v = single("theme", values);
        if (v == null) {
            return Theme.LIGHT;
        }
        Theme t = Theme.fromParam(v);
        if (t == null) {
            throw new BadInputException("theme", "theme must be one of " + Theme.allowed());
        }
        return t;
    }

    static BadgeStyle style(List<String> values) {
        String v = single("style", values);
        if (v == null) {
            return BadgeStyle.CARD;
        }
        BadgeStyle s = BadgeStyle.fromParam(v);
        if (s == null) {
            throw new BadInputException("style", "style must be one of " + BadgeStyle.allowed());
        }
        return s;
    }

    static Placement placement(List<String> values) {
        Placement p = Placement.fromParam(single("src", values));
        if (p == null) {
            throw new BadInputException("src", "src must be one of " + Placement.allowed());
        }
        return p;
    }
}
