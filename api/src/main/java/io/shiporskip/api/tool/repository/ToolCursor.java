package io.shiporskip.api.tool.repository;

import java.util.regex.Pattern;
import io.shiporskip.api.platform.ApiProblem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * The position after the last tool of a page: the sort it belongs to, that tool's sort key and its id.
 * Opaque to clients (base64url); a cursor from another sort or a tampered one is a 400.
 */
public record ToolCursor(ToolSort sort, Object key, long id) {

    public String encode() {
        String plain = sort.name() + "\n" + key + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static ToolCursor decode(String token, ToolSort expectedSort) {
        if (token.length() > 400) {
            throw invalid();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\n", -1);
            if (parts.length != 3) {
                throw invalid();
            }
            ToolSort sort = ToolSort.valueOf(parts[0]);
            if (sort != expectedSort) {
                throw ApiProblem.badParameter("cursor", "belongs to another sort order; start again without a cursor");
            }
            // Every key is checked against what this API could have written, so a tampered cursor is a 400 here
            // and never an error in the database (a NUL byte, a numeric overflow).
            Object key = switch (sort) {
                case NEWEST -> OffsetDateTime.parse(parts[1]);
                case SCORE -> score(parts[1]);
                case SHIP_PERCENT -> percent(parts[1]);
                case NAME -> name(parts[1]);
            };
            if (!DIGITS.matcher(parts[2]).matches()) {
                throw invalid();
            }
            return new ToolCursor(sort, key, Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw invalid();
        }
    }

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern SCORE = Pattern.compile("-1|[0-9]{1,3}(\\.[0-9]{1,2})?");
    private static final Pattern PERCENT = Pattern.compile("-1|[0-9]{1,3}");

    private static BigDecimal score(String text) {
        if (!SCORE.matcher(text).matches() || new BigDecimal(text).compareTo(BigDecimal.valueOf(100)) > 0) {
            throw invalid();
        }
        return new BigDecimal(text);
    }

    private static Integer percent(String text) {
        if (!PERCENT.matcher(text).matches() || Integer.parseInt(text) > 100) {
            throw invalid();
        }
        return Integer.valueOf(text);
    }

    /** A lower-cased tool name: at most the column's 120 characters, no control characters. */
    private static String name(String text) {
        if (text.length() > 120 || text.chars().anyMatch(Character::isISOControl)) {
            throw invalid();
        }
        return text;
    }

    private static ApiProblem invalid() {
        return ApiProblem.badParameter("cursor", "is not a cursor this API handed out");
    }
}
