package io.shiporskip.api.digest;

import io.shiporskip.api.platform.ApiProblem;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week ("2026-W45"): Monday 00:00 UTC to the next Monday, the unit the digest is sent in. */
public record IsoWeek(int year, int week) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public static IsoWeek parse(String name, String value) {
        Matcher matcher = value == null ? null : FORMAT.matcher(value.trim());
        if (matcher != null && matcher.matches()) {
            int year = Integer.parseInt(matcher.group(1));
            int week = Integer.parseInt(matcher.group(2));
            if (year >= 1970 && week >= 1 && week <= weeksIn(year)) {
                return new IsoWeek(year, week);
            }
        }
        throw ApiProblem.badParameter(name, "must be an ISO week such as 2026-W45 (year-W, then 01 to 52 or 53)");
    }

    public static IsoWeek containing(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The week before the one {@code now} falls in: the last one that is over everywhere in UTC. */
    public static IsoWeek lastComplete(Instant now) {
        return containing(LocalDate.ofInstant(now, ZoneOffset.UTC).minusWeeks(1));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(DayOfWeek.MONDAY);
    }

    public OffsetDateTime start() {
        return monday().atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** Exclusive. */
    public OffsetDateTime end() {
        return start().plusWeeks(1);
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }

    /** 52 or 53: the week of 28 December is always the year's last. */
    private static int weeksIn(int year) {
        return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
