package io.shiporskip.api.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.TestClock;
import io.shiporskip.api.account.service.RecoveryMail;
import io.shiporskip.api.account.service.VerificationMail;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No mail bombs: account mails to one address are capped (5, refilled over an hour: the shipped default), whatever
 * route asks and however often; over the cap each route answers as usual and sends nothing.
 */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class MailCapTest {

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void seventyVerificationResendsSendAtMostTheCap() {
        String email = TestAccounts.uniqueEmail("bombed");
        TestAccounts.signUp(email); // its own verification mail is the first of the five
        String token = TestAccounts.token(email);
        for (int i = 0; i < 70; i++) {
            given().auth().oauth2(token).when().post("/api/me/verification-mail").then().statusCode(202);
        }
        assertEquals(5, TestAccounts.mailsTo(email, VerificationMail.SUBJECT).size());
        // Password resets to the same address share the cap: still 202, no mail.
        AccountRecoveryTest.requestReset(email);
        assertEquals(0, TestAccounts.mailsTo(email, RecoveryMail.RESET_SUBJECT).size());

        // An hour later the bucket is full again: five more, not six.
        TestClock.advance(Duration.ofMinutes(61));
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).when().post("/api/me/verification-mail").then().statusCode(202);
        }
        assertEquals(10, TestAccounts.mailsTo(email, VerificationMail.SUBJECT).size());
    }

    @Test
    void signUpCollisionsAreCappedToo() {
        String email = TestAccounts.uniqueEmail("collided");
        TestAccounts.signUp(email);
        for (int i = 0; i < 20; i++) {
            given().contentType("application/json").body(java.util.Map.of("email", email, "password",
                            AccountRecoveryTest.OWNER_PASSWORD, "displayName", "Again " + i))
                    .when().post("/api/accounts").then().statusCode(409);
        }
        assertEquals(4, TestAccounts.mailsTo(email, RecoveryMail.CLAIM_SUBJECT).size());
    }
}
