package io.shiporskip.api.tool.repository;

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
            Object key = switch (sort) {
                case NEWEST -> OffsetDateTime.parse(parts[1]);
                case SCORE -> new BigDecimal(parts[1]);
                case SHIP_PERCENT -> Integer.valueOf(parts[1]);
                case NAME -> parts[1];
            };
            return new ToolCursor(sort, key, Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.badParameter("cursor", "is not a cursor this API handed out");
    }
}
