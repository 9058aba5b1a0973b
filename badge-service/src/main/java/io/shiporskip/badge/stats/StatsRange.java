package io.shiporskip.badge.stats;

import io.shiporskip.badge.rest.BadInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/** An inclusive range of UTC days, parsed from {@code from}/{@code to}; failures name the parameter. */
public record StatsRange(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;
    // Plain yyyy-MM-dd only: LocalDate.parse would also take "+12026-01-01".
    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Defaults: {@code to} = today (UTC), {@code from} = the 30 days ending at {@code to}. */
    public static StatsRange parse(List<String> fromParam, List<String> toParam, LocalDate today) {
        LocalDate to = day("to", toParam);
        LocalDate from = day("from", fromParam);
        if (to == null) {
            to = today;
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS - 1);
        }
        if (from.isAfter(to)) {
            throw new BadInputException("from", "from (" + from + ") must not be after to (" + to + ")");
        }
        StatsRange range = new StatsRange(from, to);
        if (range.days() > MAX_DAYS) {
            throw new BadInputException("from", "from and to may span at most " + MAX_DAYS + " days, not " + range.days());
        }
        return range;
    }

    private static LocalDate day(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadInputException(name, name + " may be given only once");
        }
        String v = values.get(0);
        if (v == null || v.isEmpty()) {
            return null; // an empty date field of a form ("from=") means "not given"
        }
        if (!ISO_DAY.matcher(v).matches()) {
            throw new BadInputException(name, name + " must be a date as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(v); // ISO_LOCAL_DATE resolves strictly: 2026-02-30 is refused
        } catch (DateTimeParseException e) {
            throw new BadInputException(name, name + " is not a calendar date: " + v);
        }
    }
}
