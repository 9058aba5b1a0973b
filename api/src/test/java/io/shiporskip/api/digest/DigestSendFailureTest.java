package io.shiporskip.api.digest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.shiporskip.api.CatalogDatabase;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the mail server unreachable: nothing is recorded as sent, so the next run retries; sign-up still answers 202. */
@QuarkusTest
@WithTestResource(CatalogDatabase.class)
@TestProfile(DigestSendFailureTest.UnreachableSmtp.class)
class DigestSendFailureTest {

    public static class UnreachableSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false",
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", "1",
                    "quarkus.mailer.start-tls", "DISABLED");
        }
    }

    @Inject
    DigestSender sender;

    @Inject
    Pool db;

    @Test
    void failedMailsAreReleasedAndRetriedOnTheNextRun() throws Throwable {
        db.preparedQuery("INSERT INTO catalog.subscriber (email, status, confirmed_at) VALUES ($1, 'CONFIRMED', now())")
                .execute(Tuple.of("unlucky@example.org")).await().indefinitely();

        IsoWeek week = new IsoWeek(2026, 45);
        assertEquals(new DigestSender.Report("2026-W45", 6, 0, 1),
                VertxContextSupport.subscribeAndAwait(() -> sender.send(week, java.time.Instant.now())));
        assertEquals(0L, sends("unlucky@example.org"));
        // Not recorded, so tried again rather than skipped.
        assertEquals(new DigestSender.Report("2026-W45", 6, 0, 1),
                VertxContextSupport.subscribeAndAwait(() -> sender.send(week, java.time.Instant.now())));
        assertEquals(0L, sends("unlucky@example.org"));
    }

    @Test
    void signUpAnswersTheSameWhenTheConfirmationCannotBeSent() {
        given().header("X-Forwarded-For", "198.51.100.200").contentType(ContentType.JSON)
                .body("{\"email\":\"nomail@example.org\"}")
                .when().post("/api/newsletter/subscriptions")
                .then().statusCode(202)
                .body("status", equalTo("pending"))
                .body("message", equalTo("If this address can receive mail, a confirmation link is on its way."));
        assertEquals("PENDING", db.preparedQuery("SELECT status FROM catalog.subscriber WHERE email = $1")
                .execute(Tuple.of("nomail@example.org")).await().indefinitely().iterator().next().getString("status"));
    }

    private long sends(String email) {
        return db.preparedQuery("SELECT count(*) FROM catalog.digest_send d JOIN catalog.subscriber s "
                        + "ON s.id = d.subscriber_id WHERE s.email = $1")
                .execute(Tuple.of(email)).await().indefinitely().iterator().next().getLong(0);
    }
}
