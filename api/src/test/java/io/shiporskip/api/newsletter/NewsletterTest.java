package io.shiporskip.api.newsletter;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.shiporskip.api.CatalogDatabase;
import io.shiporskip.api.digest.DigestSender;
import io.shiporskip.api.digest.IsoWeek;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class NewsletterTest {

    private static final Pattern CONFIRM_LINK =
            Pattern.compile("https://api\\.shiporskip\\.example/api/newsletter/confirm\\?token=([A-Za-z0-9_-]{43})");
    private static final Pattern UNSUBSCRIBE_HEADER =
            Pattern.compile("<https://api\\.shiporskip\\.example(/api/newsletter/unsubscribe\\?token=[A-Za-z0-9_-]{43})>");
    private static final String ACCEPTED_MESSAGE = "If this address can receive mail, a confirmation link is on its way.";

    @Inject
    MockMailbox mailbox;

    @Inject
    DigestSender sender;

    @Inject
    SubscriberService subscribers;

    @Inject
    Pool db;

    @Test
    void subscribeConfirmDigestOnceUnsubscribeNeverAgain() throws Throwable {
        String ann = "ann.flow@example.org";
        String bob = "bob.flow@example.org";
        subscribe("Ann.Flow@Example.org ", "198.51.100.1").then().statusCode(202);
        subscribe(bob, "198.51.100.1").then().statusCode(202);

        // The address is normalised: the mail goes to the lower-case form.
        List<Mail> confirmations = mails(ann, 1);
        assertEquals("Confirm your Ship or Skip weekly digest", confirmations.get(0).getSubject());
        confirm(confirmTokenFrom(confirmations.get(0))).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("status", equalTo("confirmed"));
        confirm(confirmTokenFrom(mails(bob, 1).get(0))).then().statusCode(200);
        assertEquals(List.of("CONFIRMED", "CONFIRMED"), statuses(ann, bob));

        // A week without verdicts sends nothing at all.
        DigestSender.Report quiet = send(new IsoWeek(2026, 40));
        assertEquals(new DigestSender.Report("2026-W40", 0, 0, 0), quiet);
        assertEquals(1, mailbox.getMailsSentTo(ann).size());

        DigestSender.Report first = send(new IsoWeek(2026, 45));
        assertEquals(6, first.verdicts());
        assertTrue(first.sent() >= 2, "sent " + first.sent());
        assertEquals(0, first.failed());
        List<Mail> annMails = mailbox.getMailsSentTo(ann);
        assertEquals(2, annMails.size());
        Mail digest = annMails.get(1);
        assertEquals("Ship or Skip weekly: 6 new verdicts (2026-W45)", digest.getSubject());
        assertEquals(List.of("List-Unsubscribe=One-Click"), digest.getHeaders().get("List-Unsubscribe-Post"));
        List<String> unsubscribeHeader = digest.getHeaders().get("List-Unsubscribe");
        assertEquals(1, unsubscribeHeader.size());
        Matcher header = UNSUBSCRIBE_HEADER.matcher(unsubscribeHeader.get(0));
        assertTrue(header.matches(), unsubscribeHeader.get(0));
        assertTrue(digest.getHtml().contains("<a href=\"https://shiporskip.example/tool/smolvlm2\">SmolVLM2</a>"));
        assertTrue(digest.getHtml().contains("Unsubscribe</a>"));
        assertTrue(digest.getText().contains("1. SmolVLM2: SHIP, 4 ship / 0 skip"));

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("digest_mails_total{outcome=\"sent\"}"))
                .body(containsString("digest_mails_total{outcome=\"failed\"} 0.0"));

        // Running the week again (a restart, a double trigger) sends nothing to anyone.
        assertEquals(new DigestSender.Report("2026-W45", 6, 0, 0), send(new IsoWeek(2026, 45)));
        assertEquals(2, mailbox.getMailsSentTo(ann).size());
        assertEquals(2, mailbox.getMailsSentTo(bob).size());
        assertEquals(1L, count("SELECT count(*) FROM catalog.digest_send d JOIN catalog.subscriber s "
                + "ON s.id = d.subscriber_id WHERE s.email = $1 AND d.week = '2026-W45'", ann));

        // One-click unsubscribe (RFC 8058): a POST to the header's URL, no login.
        String unsubscribe = header.group(1);
        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .when().post(URI.create(unsubscribe).getPath() + "?" + URI.create(unsubscribe).getRawQuery())
                .then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("You&#39;re unsubscribed"));
        assertEquals(List.of("UNSUBSCRIBED", "CONFIRMED"), statuses(ann, bob));
        // The same click again is answered the same.
        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .when().post(URI.create(unsubscribe).getPath() + "?" + URI.create(unsubscribe).getRawQuery())
                .then().statusCode(200);

        // The next week with verdicts reaches Bob only.
        db.preparedQuery("INSERT INTO catalog.tool (slug, name, vendor, tagline, description, category, pricing, "
                        + "entry_price, created_at, updated_at, panel_decision, panel_ships, panel_skips, "
                        + "panel_ship_percent, panel_mean_score) VALUES ('digest-flow-tool', 'Flow Tool', 'Test', "
                        + "'Only here for one test', 'Removed at the end of the test.', 'Testing', 'Free', 'Free', "
                        + "'2026-10-14T09:00:00Z', '2026-10-14T09:00:00Z', 'SHIP', 1, 0, 100, 90.0)")
                .execute().await().indefinitely();
        try {
            DigestSender.Report next = send(new IsoWeek(2026, 42));
            assertEquals(1, next.verdicts());
            assertEquals(2, mailbox.getMailsSentTo(ann).size());
            List<Mail> bobMails = mailbox.getMailsSentTo(bob);
            assertEquals(3, bobMails.size());
            assertEquals("Ship or Skip weekly: 1 new verdict (2026-W42)", bobMails.get(2).getSubject());
        } finally {
            db.preparedQuery("DELETE FROM catalog.tool WHERE slug = 'digest-flow-tool'").execute().await().indefinitely();
        }
    }

    @Test
    void theSameAddressTwiceGetsTheSameAnswerAndOneRow() {
        String email = "twice@example.org";
        String first = subscribe(email, "198.51.100.2").then().statusCode(202)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("status", equalTo("pending"))
                .body("message", equalTo(ACCEPTED_MESSAGE))
                .extract().asString();
        String second = subscribe("TWICE@example.org", "198.51.100.2").then().statusCode(202).extract().asString();
        assertEquals(first, second);
        assertEquals(1L, count("SELECT count(*) FROM catalog.subscriber WHERE email = $1", email));

        // Signing up again never breaks the link already in the inbox: the first mail's link confirms, and
        // then every link of this sign-up is spent.
        List<Mail> mails = mails(email, 2);
        confirm(confirmTokenFrom(mails.get(0))).then().statusCode(200);
        confirm(confirmTokenFrom(mails.get(1))).then().statusCode(400);

        // Confirmed: still the same answer, and no further mail.
        String third = subscribe(email, "198.51.100.2").then().statusCode(202).extract().asString();
        assertEquals(first, third);
        assertEquals(2, mailbox.getMailsSentTo(email).size());
        assertEquals(List.of("CONFIRMED"), statuses(email));
    }

    @InvalidRequests("missing and malformed tokens")
    @Test
    void badUsedAndExpiredTokensAre400() {
        for (String token : new String[] {"", "short", "x".repeat(43) + "!", "A".repeat(43)}) {
            confirm(token).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("errors[0].field", equalTo("token"))
                    .body("errors[0].message", equalTo("is invalid, expired or already used"))
                    .body("stackTrace", nullValue());
        }
        given().contentType(ContentType.JSON).body("{}").when().post("/api/newsletter/confirm")
                .then().statusCode(400).body("errors[0].field", equalTo("token"));

        String used = "used@example.org";
        subscribe(used, "198.51.100.3").then().statusCode(202);
        String token = confirmTokenFrom(mails(used, 1).get(0));
        confirm(token).then().statusCode(200);
        confirm(token).then().statusCode(400).body("errors[0].field", equalTo("token"));

        String late = "late@example.org";
        subscribe(late, "198.51.100.3").then().statusCode(202);
        String lateToken = confirmTokenFrom(mails(late, 1).get(0));
        db.preparedQuery("UPDATE catalog.subscriber_confirmation SET expires_at = now() - interval '1 minute' "
                        + "WHERE subscriber_id = (SELECT id FROM catalog.subscriber WHERE email = $1)")
                .execute(Tuple.of(late)).await().indefinitely();
        confirm(lateToken).then().statusCode(400).body("errors[0].field", equalTo("token"));
        assertEquals(List.of("PENDING"), statuses(late));

        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .when().post("/api/newsletter/unsubscribe?token=" + "B".repeat(43))
                .then().statusCode(400)
                .contentType(ContentType.HTML)
                .body(containsString("This link is invalid"));
        given().when().post("/api/newsletter/unsubscribe")
                .then().statusCode(400).contentType(ContentType.HTML).body(containsString("This link is invalid"));
    }

    @InvalidRequests("malformed bodies and addresses")
    @Test
    void invalidAddressesAre400NamingEmail() {
        String[] invalid = {"", "   ", "no-at-sign", "@example.org", "ann@", "ann@localhost", "ann@exa mple.org",
                "ann@example.org\r\nBcc: victim@example.org", "a..b@example.org", "x".repeat(250) + "@example.org"};
        int i = 0;
        for (String email : invalid) {
            subscribe(email, "198.51.100.10" + (i++ % 2)).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("email"))
                    .body("errors[0].message", equalTo(email.isBlank() ? "is required" : "must be a valid e-mail address"));
        }
        given().header("X-Forwarded-For", "198.51.100.102").contentType(ContentType.JSON).body("{}")
                .when().post("/api/newsletter/subscriptions")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        given().header("X-Forwarded-For", "198.51.100.102").contentType(ContentType.JSON).body("{\"email\":")
                .when().post("/api/newsletter/subscriptions")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(0L, count("SELECT count(*) FROM catalog.subscriber WHERE email LIKE $1", "%exa mple%"));
    }

    @Test
    void signUpsAreRateLimitedPerClientAddress() {
        for (int i = 0; i < 5; i++) {
            subscribe("limited" + i + "@example.org", "203.0.113.77").then().statusCode(202)
                    .header("RateLimit-Limit", "5")
                    .header("RateLimit-Remaining", String.valueOf(4 - i));
        }
        subscribe("limited5@example.org", "203.0.113.77").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "720")
                .header("RateLimit-Limit", "5")
                .header("RateLimit-Remaining", "0")
                .body("status", equalTo(429));
        assertEquals(0, mailbox.getMailsSentTo("limited5@example.org").size());
        // Another client is unaffected.
        subscribe("limited5@example.org", "203.0.113.78").then().statusCode(202);
        mails("limited5@example.org", 1);
    }

    @Test
    void oneAddressGetsAtMostThreeConfirmationMailsAnHourWhoeverAsks() {
        String email = "flooded@example.org";
        for (int i = 0; i < 4; i++) {
            subscribe(email, "192.0.2." + (10 + i)).then().statusCode(202)
                    .body("status", equalTo("pending"))
                    .body("message", equalTo(ACCEPTED_MESSAGE));
        }
        List<Mail> sent = mails(email, 3);
        // The fourth request changed nothing: the third mail's link still works.
        confirm(confirmTokenFrom(sent.get(2))).then().statusCode(200);
    }

    @Test
    void theConfirmationCapRefillsOneMailEveryTwentyMinutes() {
        String email = "refilled@example.org";
        try {
            for (int i = 0; i < 4; i++) {
                subscribe(email, "192.0.2." + (30 + i)).then().statusCode(202);
            }
            mails(email, 3);
            io.shiporskip.api.TestClock.advance(java.time.Duration.ofMinutes(21));
            subscribe(email, "192.0.2.40").then().statusCode(202);
            subscribe(email, "192.0.2.41").then().statusCode(202);
            assertEquals(4, mails(email, 4).size());
        } finally {
            io.shiporskip.api.TestClock.reset();
        }
    }

    @Test
    void unconfirmedSignUpsAreRemovedOnceTheirLinkExpired() throws Throwable {
        String stale = "stale@example.org";
        String fresh = "fresh@example.org";
        subscribe(stale, "198.51.100.5").then().statusCode(202);
        subscribe(fresh, "198.51.100.5").then().statusCode(202);
        mails(stale, 1);
        mails(fresh, 1);
        db.preparedQuery("UPDATE catalog.subscriber_confirmation SET expires_at = now() - interval '1 minute' "
                        + "WHERE subscriber_id = (SELECT id FROM catalog.subscriber WHERE email = $1)")
                .execute(Tuple.of(stale)).await().indefinitely();

        long purged = VertxContextSupport.subscribeAndAwait(() -> subscribers.purgeUnconfirmed());
        assertTrue(purged >= 1, "purged " + purged);
        assertEquals(0L, count("SELECT count(*) FROM catalog.subscriber WHERE email = $1", stale));
        assertEquals(List.of("PENDING"), statuses(fresh));
    }

    @Test
    void linkPagesOnlyActOnPost() {
        String email = "pages@example.org";
        subscribe(email, "198.51.100.4").then().statusCode(202);
        String token = confirmTokenFrom(mails(email, 1).get(0));

        // A mail scanner fetching the link changes nothing.
        given().when().get("/api/newsletter/confirm?token=" + token).then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<form method=\"post\" action=\"https://api.shiporskip.example/api/newsletter/confirm\">"))
                .body(containsString("<input type=\"hidden\" name=\"token\" value=\"" + token + "\">"));
        assertEquals(List.of("PENDING"), statuses(email));

        given().formParam("token", token).when().post("/api/newsletter/confirm").then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("You&#39;re subscribed"));
        assertEquals(List.of("CONFIRMED"), statuses(email));

        String unsubscribeToken = "C".repeat(43);
        given().when().get("/api/newsletter/unsubscribe?token=" + unsubscribeToken).then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<form method=\"post\" action=\"https://api.shiporskip.example/api/newsletter/"
                        + "unsubscribe?token=" + unsubscribeToken + "\">"));
        given().when().get("/api/newsletter/unsubscribe?token=%3Cscript%3E").then().statusCode(400)
                .contentType(ContentType.HTML)
                .body(not(containsString("<script>")));
    }

    /** Someone who clicks a link in a mail sees a page for every outcome, never problem+json. */
    @Test
    void everyLinkOutcomeIsAPage() {
        String email = "outcomes@example.org";
        subscribe(email, "198.51.100.5").then().statusCode(202);
        String token = confirmTokenFrom(mails(email, 1).get(0));
        given().formParam("token", token).when().post("/api/newsletter/confirm").then().statusCode(200);

        // The same link clicked again, a made-up one, and the GET pages of malformed links.
        for (io.restassured.response.Response answer : List.of(
                given().formParam("token", token).when().post("/api/newsletter/confirm"),
                given().formParam("token", "D".repeat(43)).when().post("/api/newsletter/confirm"),
                given().when().get("/api/newsletter/confirm?token=%3Cb%3E"),
                given().when().get("/api/newsletter/unsubscribe?token=%3Cb%3E"),
                given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                        .when().post("/api/newsletter/unsubscribe?token=" + "E".repeat(43)))) {
            answer.then().statusCode(400)
                    .contentType(ContentType.HTML)
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "same-origin")
                    .body(containsString("<h1>This link does not work</h1>"))
                    .body(containsString("This link is invalid, expired or already used."))
                    .body(not(containsString("<b>")));
        }
        assertEquals(List.of("CONFIRMED"), statuses(email));
        // An app posting JSON still gets the problem it can read.
        confirm(token).then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("token"));
    }

    private static io.restassured.response.Response subscribe(String email, String client) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                .body(new NewsletterResource.SubscribeRequest(email))
                .when().post("/api/newsletter/subscriptions");
    }

    private static io.restassured.response.Response confirm(String token) {
        return given().contentType(ContentType.JSON).body(new NewsletterResource.TokenRequest(token))
                .when().post("/api/newsletter/confirm");
    }

    private static String confirmTokenFrom(Mail mail) {
        Matcher text = CONFIRM_LINK.matcher(mail.getText());
        assertTrue(text.find(), mail.getText());
        // The HTML part carries the same link.
        assertTrue(mail.getHtml().contains("href=\"" + text.group() + "\""), mail.getHtml());
        return text.group(1);
    }

    /** Confirmation mails leave after the 202, so wait for them (briefly) before looking. */
    private List<Mail> mails(String email, int expected) {
        long deadline = System.currentTimeMillis() + 5000;
        while (mailbox.getMailsSentTo(email).size() < expected && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(expected, mails.size(), "mails to " + email);
        return mails;
    }

    private DigestSender.Report send(IsoWeek week) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> sender.send(week, java.time.Instant.now()));
    }

    private List<String> statuses(String... emails) {
        return java.util.Arrays.stream(emails).map(email -> {
            var rows = db.preparedQuery("SELECT status FROM catalog.subscriber WHERE email = $1")
                    .execute(Tuple.of(email)).await().indefinitely();
            return rows.iterator().next().getString("status");
        }).toList();
    }

    private long count(String sql, String parameter) {
        Row row = db.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next();
        return row.getLong(0);
    }
}
