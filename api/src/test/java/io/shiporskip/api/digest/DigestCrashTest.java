package io.shiporskip.api.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.shiporskip.api.DemoDatabase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The digest at size, scaled down: 35 subscribers in batches of 10, mails capped at 3 verdicts. A run that dies
 * mid-batch (the mail server handed 13 mails, then the process gone) is finished by the next runs: nobody is skipped,
 * and the only duplicates are mails of the batch that was in flight. Time is the runs' own (a clock the test moves).
 */
@QuarkusTest
@TestProfile(DigestCrashTest.SmallBatches.class)
class DigestCrashTest {

    static final int SUBSCRIBERS = 35;
    static final int BATCH = 10;
    static final int CRASH_AFTER = 13;
    static final IsoWeek WEEK = new IsoWeek(2026, 30);

    public static class DigestDatabase extends DemoDatabase {
        public DigestDatabase() {
            super("shiporskip_api_digest_test", SITE);
        }
    }

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shiporskip.digest.batch-size", String.valueOf(BATCH),
                    "shiporskip.digest.max-entries", "3",
                    "shiporskip.digest.claim-lease", "15M");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DigestDatabase.class));
        }
    }

    @Inject
    DigestSender sender;

    @Inject
    MockMailbox mailbox;

    @Inject
    ReactiveMailer mailer;

    @Inject
    Pool db;

    @Test
    void aCrashedRunIsFinishedWithoutSkippingAnyoneAndAtMostOneBatchTwice() throws Throwable {
        // Five verdicts in the week (and a tool without one, which no digest lists).
        db.query("""
                INSERT INTO catalog.tool (slug, name, vendor, tagline, description, category, pricing, entry_price,
                        created_at, panel_decision, panel_ships, panel_skips, panel_ship_percent, panel_mean_score)
                SELECT 'crash-tool-' || i, 'Crash Tool ' || i, 'Test', 'Digest at size', 'For the crash test.', 'Testing',
                       'Free', 'Free', timestamptz '2026-07-21T10:00:00Z' + i * interval '1 hour',
                       CASE WHEN i = 6 THEN 'NONE' ELSE 'SHIP' END, CASE WHEN i = 6 THEN 0 ELSE i END, 0,
                       CASE WHEN i = 6 THEN NULL ELSE 100 END, CASE WHEN i = 6 THEN NULL ELSE 80.0 END
                FROM generate_series(1, 6) i""").execute().await().indefinitely();
        db.query("INSERT INTO catalog.subscriber (email, status, confirmed_at) "
                + "SELECT 'crash-' || i || '@example.org', 'CONFIRMED', now() FROM generate_series(1, "
                + SUBSCRIBERS + ") i").execute().await().indefinitely();
        mailbox.clear();
        Instant monday = Instant.parse("2026-07-27T08:00:00Z");

        // The crash: 13 mails handed over, then the process is gone (the run fails with nothing released).
        AtomicInteger handed = new AtomicInteger();
        QuarkusMock.installMockForType(new DigestPostman(mailer) {
            @Override
            public Uni<Void> send(Mail mail) {
                if (handed.incrementAndGet() > CRASH_AFTER) {
                    throw new IllegalStateException("killed");
                }
                return mailer.send(mail);
            }
        }, DigestPostman.class);
        assertThrows(IllegalStateException.class, () -> run(monday));
        assertEquals(CRASH_AFTER, mailbox.getTotalMessagesSent());

        // Each mail shows the three most-shipped verdicts and links to the rest of the week.
        Mail first = mailbox.getMailsSentTo("crash-1@example.org").get(0);
        assertEquals("Ship or Skip weekly: 5 new verdicts (2026-W30)", first.getSubject());
        assertTrue(first.getText().contains("1. Crash Tool 5: SHIP"), first.getText());
        assertTrue(first.getText().contains("3. Crash Tool 3: SHIP"), first.getText());
        assertTrue(!first.getText().contains("Crash Tool 2:"), first.getText());
        assertTrue(first.getText().contains("2 more verdicts this week: https://"), first.getText());
        assertTrue(first.getHtml().contains("/api/digests/weekly.html?week=2026-W30\">2 more verdicts this week</a>"),
                first.getHtml());

        // The restarted copy, a minute later: the batch in flight is still another run's claim; the rest go out.
        QuarkusMock.installMockForType(new DigestPostman(mailer), DigestPostman.class);
        DigestSender.Report restarted = run(monday.plus(Duration.ofMinutes(1)));
        assertEquals(SUBSCRIBERS - 2 * BATCH, restarted.sent());
        // Once the claim's lease is over, the batch that was in flight goes out, all of it.
        DigestSender.Report afterLease = run(monday.plus(Duration.ofMinutes(16)));
        assertEquals(BATCH, afterLease.sent());
        assertEquals(new DigestSender.Report("2026-W30", 5, 0, 0), run(monday.plus(Duration.ofMinutes(30))));

        int duplicates = 0;
        for (int i = 1; i <= SUBSCRIBERS; i++) {
            int mails = mailbox.getMailsSentTo("crash-" + i + "@example.org").size();
            assertTrue(mails >= 1, "crash-" + i + " got no digest");
            duplicates += mails - 1;
        }
        assertEquals(CRASH_AFTER - BATCH, duplicates, "only the mails of the batch in flight went twice");
        assertTrue(duplicates <= BATCH);
        assertEquals((long) SUBSCRIBERS, db.preparedQuery(
                        "SELECT count(*) FROM catalog.digest_send WHERE week = $1 AND mailed_at IS NOT NULL")
                .execute(Tuple.of(WEEK.toString())).await().indefinitely().iterator().next().getLong(0));
    }

    private DigestSender.Report run(Instant now) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> sender.send(WEEK, now));
    }
}
