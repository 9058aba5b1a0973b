package io.shiporskip.api.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.account.TestAccounts;
import io.shiporskip.api.tool.ConcurrentWritesTest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A dependency that holds a request (a table locked by another connection) makes the api answer 503 with Retry-After,
 * logged as one line without a stack trace — never a 500. The rate-limit store (sign-in, a limited write, newsletter
 * sign-up) gives up after its 2 s lock timeout; the database proper after its 5 s statement timeout.
 */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class SlowDependencyTest {

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("io.shiporskip").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("io.shiporskip").removeHandler(capture);
    }

    @Test
    void aLockedLimitsTableIs503WithRetryAfterAndOneLogLineEach() throws Exception {
        String email = TestAccounts.uniqueEmail("slow-limits");
        TestAccounts.signUpVerified(email);
        String reader = TestAccounts.token(email);
        try (Connection holder = ConcurrentWritesTest.connect(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE catalog.rate_limit_bucket IN ACCESS EXCLUSIVE MODE");
            logged.clear();
            given().contentType("application/json").body(Map.of("email", email, "password", TestAccounts.PASSWORD))
                    .when().post("/api/auth/token").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5").body("status", equalTo(503));
            given().auth().oauth2(reader).contentType("application/json").body(Map.of("decision", "SHIP"))
                    .when().put("/api/tools/smolvlm2/vote").then().statusCode(503).header("Retry-After", "5");
            given().contentType("application/json").body(Map.of("email", TestAccounts.uniqueEmail("slow-news")))
                    .when().post("/api/newsletter/subscriptions").then().statusCode(503).header("Retry-After", "5");
            holder.rollback();
        }
        assertOneLinePerRequest(3);
        given().contentType("application/json").body(Map.of("email", email, "password", TestAccounts.PASSWORD))
                .when().post("/api/auth/token").then().statusCode(200);
    }

    @Test
    void aLockedAccountTableIs503WithRetryAfterAndOneLogLine() throws Exception {
        String email = TestAccounts.uniqueEmail("slow-db");
        TestAccounts.signUpVerified(email);
        try (Connection holder = ConcurrentWritesTest.connect(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE catalog.account IN ACCESS EXCLUSIVE MODE");
            logged.clear();
            given().contentType("application/json").body(Map.of("email", email, "password", TestAccounts.PASSWORD))
                    .when().post("/api/auth/token").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5");
            holder.rollback();
        }
        assertOneLinePerRequest(1);
    }

    private void assertOneLinePerRequest(int requests) {
        List<LogRecord> problems = logged.stream()
                .filter(r -> r.getLoggerName().startsWith("io.shiporskip.api.platform.ProblemMapper")).toList();
        assertEquals(requests, problems.size(), () -> "log lines: " + problems.stream().map(LogRecord::getMessage).toList());
        assertTrue(problems.stream().allMatch(r -> r.getThrown() == null
                        && r.getLevel().intValue() == Level.WARNING.intValue()),
                () -> "a warning line each, no stack trace: " + problems.stream()
                        .map(r -> r.getLevel() + " " + r.getMessage() + " " + r.getThrown()).toList());
        assertTrue(logged.stream().noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()),
                () -> "no errors: " + logged.stream().map(LogRecord::getMessage).toList());
    }
}
