package io.shiporskip.api.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.shiporskip.api.SameTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Sign-in guesses are reserved before the password is checked, so a parallel burst checks no more than the
 * allowance; a stranger spends their own allowance, not the owner's. Limits of {@link RateLimitTest.LowLimits}:
 * 5 per (account, client), 8 per client, 12 per account, each per 15 minutes. Every client here has an address
 * of its own (X-Forwarded-For, trusted in tests).
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class SignInThrottleTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Test
    void aParallelBurstChecksAtMostTheAllowanceAndTheRightPasswordInItIsRefusedToo() throws Exception {
        String email = account("burst");
        String attacker = address();
        AtomicInteger sent = new AtomicInteger();
        Map<Integer, Integer> statuses = SameTime.statuses(() -> signIn(email,
                sent.incrementAndGet() == 6 ? TestAccounts.PASSWORD : "wrong guess " + sent.get(), attacker));
        // Twelve at once: five checked (401, or 200 for the right one), the rest 429. A success gives its reservation
        // back, so when the right one was checked and gave it back before the last of the burst asked, a sixth is
        // checked — a wrong one: never more than five wrong guesses are checked, whatever the timing.
        int wrong = statuses.getOrDefault(401, 0);
        int checked = wrong + statuses.getOrDefault(200, 0);
        assertTrue(checked == 5 || (statuses.containsKey(200) && checked == 6), "checked " + statuses);
        assertTrue(wrong <= 5, "wrong guesses checked " + statuses);
        assertEquals(SameTime.REQUESTS - checked, statuses.get(429));
        // The right password now gets in exactly when a reservation is left.
        signIn(email, TestAccounts.PASSWORD, attacker).then().statusCode(wrong < 5 ? 200 : 429);
    }

    @Test
    void aStrangerCannotLockTheOwnerOut() {
        String email = account("owner");
        String stranger = address();
        for (int i = 0; i < 5; i++) {
            signIn(email, "stranger guess " + i, stranger).then().statusCode(401);
        }
        signIn(email, TestAccounts.PASSWORD, stranger).then().statusCode(429)
                .body("detail", containsString("failed sign-in"));
        // The owner, elsewhere, signs in; and a success gives its guess back.
        String owner = address();
        for (int i = 0; i < 10; i++) {
            signIn(email, TestAccounts.PASSWORD, owner).then().statusCode(200);
        }
    }

    @Test
    void oneClientGuessingAcrossManyAccountsRunsOut() {
        String guesser = address();
        for (int i = 0; i < 8; i++) {
            signIn(account("spray-" + i), "one guess", guesser).then().statusCode(401);
        }
        signIn(account("spray-9"), "one guess", guesser).then().statusCode(429)
                .body("detail", containsString("from this client"));
    }

    @Test
    void manyClientsGuessingOneAccountReachTheCeiling() {
        String email = account("ceiling");
        for (int i = 0; i < 12; i++) {
            signIn(email, "guess " + i, address()).then().statusCode(401);
        }
        signIn(email, TestAccounts.PASSWORD, address()).then().statusCode(429)
                .body("detail", containsString("for this account"));
    }

    private static String account(String prefix) {
        String email = TestAccounts.uniqueEmail(prefix);
        given().header("X-Forwarded-For", address()).contentType("application/json")
                .body(Map.of("email", email, "password", TestAccounts.PASSWORD, "displayName", "Throttled"))
                .when().post("/api/accounts").then().statusCode(201);
        return email;
    }

    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private static Response signIn(String email, String password, String client) {
        return given().header("X-Forwarded-For", client).contentType("application/json")
                .body(Map.of("email", email, "password", password)).when().post("/api/auth/token");
    }
}
