package io.shiporskip.api.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.shiporskip.api.config.ApiConfig;
import io.smallrye.config.WithDefault;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The default schedule is only live in prod, so its meaning is pinned here with the scheduler's own cron parser,
 * read from the one place it is written ({@link ApiConfig.Digest#cron()}); {@code DigestJobTest} shows that the
 * job runs on whatever that setting says.
 */
class DigestScheduleTest {

    private final ExecutionTime schedule = ExecutionTime.forCron(
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ)).parse(defaultCron()));

    @Test
    void defaultRunsEveryMondayAt0800Utc() {
        assertEquals(Instant.parse("2026-11-23T08:00:00Z"), next("2026-11-22T12:00:00Z"));
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), next("2026-11-23T08:00:00Z"));
        // ...when the week it sends is complete.
        assertEquals("2026-W47", IsoWeek.lastComplete(next("2026-11-22T12:00:00Z")).toString());
    }

    static String defaultCron() {
        try {
            return ApiConfig.Digest.class.getMethod("cron").getAnnotation(WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private Instant next(String after) {
        return schedule.nextExecution(ZonedDateTime.ofInstant(Instant.parse(after), ZoneOffset.UTC)).orElseThrow().toInstant();
    }
}
