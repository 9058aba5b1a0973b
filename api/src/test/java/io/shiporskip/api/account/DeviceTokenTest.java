package io.shiporskip.api.account;

import static io.restassured.RestAssured.given;
import static io.shiporskip.api.account.TestAccounts.PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.TestClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Throttling without lockout (OWASP device cookies), at the shipped allowances: 5 guesses per (account, client), 50
 * per account from everywhere, 10 per device, each per 15 minutes. Strangers from 11 addresses spend the account's
 * ceiling; the owner, from a browser or app that signed in before, still gets in. Each client has an address of its
 * own (X-Forwarded-For, trusted in tests).
 */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class DeviceTokenTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void strangersSpendingTheAccountCeilingDoNotLockOutTheOwnersDevice() {
        String email = TestAccounts.uniqueEmail("device-owner");
        TestAccounts.signUpVerified(email);
        Response first = signIn(email, PASSWORD, address(), null, null);
        first.then().statusCode(200)
                .body("deviceToken", matchesPattern("[A-Za-z0-9_-]{43}"))
                .header("Set-Cookie", containsString("device_token="))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"));
        String device = first.jsonPath().getString("deviceToken");
        assertNotEquals(device, signIn(email, PASSWORD, address(), null, null).jsonPath().getString("deviceToken"));

        // 11 addresses × 6 wrong guesses: each address's sixth is refused, and 50 checked guesses spend the ceiling.
        for (int a = 0; a < 11; a++) {
            String stranger = address();
            for (int g = 0; g < 6; g++) {
                signIn(email, "stranger " + a + " guess " + g, stranger, null, null);
            }
        }
        signIn(email, PASSWORD, address(), null, null).then().statusCode(429)
                .body("detail", containsString("for this account"));

        // The owner's app (JSON field) and browser (cookie) still sign in; the device keeps its token.
        signIn(email, PASSWORD, address(), device, null).then().statusCode(200).body("deviceToken", equalTo(device));
        signIn(email, PASSWORD, address(), null, device).then().statusCode(200).body("deviceToken", equalTo(device));
    }

    @Test
    void aDeviceTokenIsLimitedPerDeviceAndOnlyForItsOwnAccount() {
        String email = TestAccounts.uniqueEmail("device-limit");
        TestAccounts.signUpVerified(email);
        String device = signIn(email, PASSWORD, address(), null, null).jsonPath().getString("deviceToken");
        // Another account's device token is no device of this one: the usual allowances apply (5 per client).
        String other = TestAccounts.uniqueEmail("device-other");
        TestAccounts.signUpVerified(other);
        String client = address();
        for (int g = 0; g < 5; g++) {
            signIn(other, "guess " + g, client, device, null).then().statusCode(401);
        }
        signIn(other, PASSWORD, client, device, null).then().statusCode(429);

        // With the device: ten wrong guesses, then that device waits out the window — from any address.
        for (int g = 0; g < 10; g++) {
            signIn(email, "device guess " + g, address(), device, null).then().statusCode(401);
        }
        signIn(email, PASSWORD, address(), device, null).then().statusCode(429)
                .body("detail", containsString("from this device"));
        // Without it, the owner elsewhere is not affected by the device's spent allowance.
        signIn(email, PASSWORD, address(), null, null).then().statusCode(200);
        TestClock.advance(Duration.ofMinutes(16));
        signIn(email, PASSWORD, address(), device, null).then().statusCode(200);
    }

    @Test
    void aPasswordChangeEndsEarlierDeviceTokens() {
        String email = TestAccounts.uniqueEmail("device-revoked");
        TestAccounts.signUpVerified(email);
        Response signedIn = signIn(email, PASSWORD, address(), null, null);
        String device = signedIn.jsonPath().getString("deviceToken");
        given().auth().oauth2(signedIn.jsonPath().getString("accessToken")).contentType("application/json")
                .body(Map.of("currentPassword", PASSWORD, "newPassword", AccountRecoveryTest.OWNER_PASSWORD))
                .when().put("/api/me/password").then().statusCode(204);
        // The old device token is not honoured any more: a new one is handed out.
        String renewed = signIn(email, AccountRecoveryTest.OWNER_PASSWORD, address(), device, null)
                .then().statusCode(200).extract().jsonPath().getString("deviceToken");
        assertNotEquals(device, renewed);
    }

    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (n / 250) + "." + (n % 250 + 1);
    }

    private static Response signIn(String email, String password, String client, String deviceToken, String cookie) {
        Map<String, String> body = new HashMap<>(Map.of("email", email, "password", password));
        if (deviceToken != null) {
            body.put("deviceToken", deviceToken);
        }
        var request = given().header("X-Forwarded-For", client).contentType("application/json").body(body);
        if (cookie != null) {
            request = request.cookie("device_token", cookie);
        }
        return request.when().post("/api/auth/token");
    }
}
