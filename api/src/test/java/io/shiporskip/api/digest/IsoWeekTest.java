package io.shiporskip.api.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

    @Test
    void weeksRunMondayToMondayUtc() {
        IsoWeek week = IsoWeek.parse("week", "2026-W45");
        assertEquals(OffsetDateTime.of(2026, 11, 2, 0, 0, 0, 0, ZoneOffset.UTC), week.start());
        assertEquals(OffsetDateTime.of(2026, 11, 9, 0, 0, 0, 0, ZoneOffset.UTC), week.end());
        // Week 1 of 2027 starts in 2026; ISO years do not follow calendar years.
        assertEquals("2026-12-28", IsoWeek.parse("week", "2026-W53").monday().toString());
        assertEquals("2027-01-04", IsoWeek.parse("week", "2027-W01").monday().toString());
    }

    @Test
    void lastCompleteWeekIsTheOneBeforeNow() {
        // Monday 08:00, when the job runs: the week that ended last night.
        assertEquals("2026-W47", IsoWeek.lastComplete(Instant.parse("2026-11-23T08:00:00Z")).toString());
        // Sunday 23:59: the current week is not over yet.
        assertEquals("2026-W46", IsoWeek.lastComplete(Instant.parse("2026-11-22T23:59:59Z")).toString());
        assertEquals("2026-W53", IsoWeek.lastComplete(Instant.parse("2027-01-04T00:00:00Z")).toString());
    }
}
