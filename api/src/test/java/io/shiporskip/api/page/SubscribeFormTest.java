package io.shiporskip.api.page;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The newsletter form of the review page: a plain HTML form post, answered with HTML pages only. */
@QuarkusTest
@TestProfile(PagesProfile.class)
class SubscribeFormTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Inject
    MockMailbox mailbox;

    /** Each test its own client address, so the per-client sign-up limit only bites where a test wants it. */
    private static String client() {
        return "203.0.113." + CLIENTS.incrementAndGet();
    }

    @Test
    void aFormPostSendsTheConfirmationMailAndAnswersCheckYourInbox() {
        String email = "page.reader." + System.nanoTime() + "@example.org";
        String body = given().header("X-Forwarded-For", client())
                .contentType("application/x-www-form-urlencoded").body("email=" + email.replace("@", "%40"))
                .when().post("/tool/smolvlm2/subscribe")
                .then().statusCode(200)
                .contentType("text/html;charset=UTF-8")
                .header("Cache-Control", "no-store")
                .extract().asString();
        Html page = Html.parse(body);
        assertEquals(List.of("Check your inbox"), page.texts("h1"));
        assertTrue(body.contains("If " + email + " can receive mail, a confirmation link is on its way."));
        assertTrue(page.hrefs().contains("/tool/smolvlm2"), "back to the review");
        assertEquals("noindex", page.metaName("robots"));
        page.assertAccessibleStructure();

        List<Mail> mails = mails(email, 1);
        assertEquals("Confirm your Ship or Skip weekly digest", mails.get(0).getSubject());
    }

    @Test
    void theFormAsABrowserSendsItWithAPlusForASpace() {
        String email = "plus.form." + System.nanoTime() + "@example.org";
        given().header("X-Forwarded-For", client()).contentType("application/x-www-form-urlencoded")
                .formParam("email", "  " + email + " ")
                .when().post("/tool/smolvlm2-2b/subscribe")
                .then().statusCode(200).contentType("text/html;charset=UTF-8");
        mails(email, 1);
    }

    @InvalidRequests("an empty form")
    @Test
    void anInvalidAddressShowsTheFormAgainWithTheErrorAndWhatWasTyped() {
        String body = given().header("X-Forwarded-For", client())
                .contentType("application/x-www-form-urlencoded").formParam("email", "<script>x</script>@nowhere")
                .when().post("/tool/smolvlm2/subscribe")
                .then().statusCode(400)
                .contentType("text/html;charset=UTF-8")
                .extract().asString();
        Html page = Html.parse(body);
        assertEquals(List.of("Check your e-mail address"), page.texts("h1"));
        assertFalse(body.contains("<script"));
        assertTrue(body.contains("value=\"&lt;script&gt;x&lt;/script&gt;@nowhere\""), "what was typed, escaped");
        assertTrue(body.contains("aria-invalid=\"true\" aria-describedby=\"subscribe-email-error subscribe-email-hint\""));
        assertTrue(body.contains("<p id=\"subscribe-email-error\" class=\"field-error\">Email address must be a valid e-mail address.</p>"));
        assertTrue(body.contains("action=\"/tool/smolvlm2/subscribe\""));
        page.assertAccessibleStructure();

        given().header("X-Forwarded-For", client()).contentType("application/x-www-form-urlencoded").body("")
                .when().post("/tool/smolvlm2/subscribe")
                .then().statusCode(400).contentType("text/html;charset=UTF-8");
    }

    @InvalidRequests("a form body with a malformed %-escape")
    @Test
    void aMalformedFormBodyIsAn400PageNotAHang() {
        given().header("X-Forwarded-For", client()).contentType("application/x-www-form-urlencoded").body("email=%zz")
                .when().post("/tool/smolvlm2/subscribe")
                .then().statusCode(400).contentType("text/html;charset=UTF-8");
    }

    @Test
    void anUnknownToolIsAn404Page() {
        given().header("X-Forwarded-For", client()).contentType("application/x-www-form-urlencoded")
                .formParam("email", "nobody@example.org")
                .when().post("/tool/no-such-tool/subscribe")
                .then().statusCode(404).contentType("text/html;charset=UTF-8");
    }

    @Test
    void tooManySignUpsFromOneClientIsAn429PageWithRetryAfter() {
        String address = client();
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", address).contentType("application/x-www-form-urlencoded")
                    .formParam("email", "limit" + i + "." + System.nanoTime() + "@example.org")
                    .when().post("/tool/smolvlm2/subscribe").then().statusCode(200);
        }
        String body = given().header("X-Forwarded-For", address).contentType("application/x-www-form-urlencoded")
                .formParam("email", "limit.last." + System.nanoTime() + "@example.org")
                .when().post("/tool/smolvlm2/subscribe")
                .then().statusCode(429)
                .contentType("text/html;charset=UTF-8")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .header("RateLimit-Remaining", "0")
                .extract().asString();
        assertEquals(List.of("Too many requests"), Html.parse(body).texts("h1"));
    }

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
}
