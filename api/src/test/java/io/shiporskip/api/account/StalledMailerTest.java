package io.shiporskip.api.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A mail server that accepts connections and never answers holds no request: every route that mails (sign-up,
 * verification resend, password reset, a sign-up collision) answers as usual, at once, and the mail is given up in
 * the background (one log line) — neither a 500 nor a hung request.
 */
@QuarkusTest
@TestProfile(StalledMailerTest.StalledSmtp.class)
class StalledMailerTest {

    public static class StalledSmtp extends AccountsProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
            resources.add(new TestResourceEntry(SilentServer.class));
            return resources;
        }
    }

    /** Accepts SMTP connections and never says a word. */
    public static class SilentServer implements QuarkusTestResourceLifecycleManager {
        private ServerSocket server;
        private final List<Socket> held = new ArrayList<>();

        @Override
        public Map<String, String> start() {
            try {
                server = new ServerSocket();
                server.bind(new InetSocketAddress("127.0.0.1", 0));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(server.getLocalPort()), "quarkus.mailer.start-tls", "DISABLED");
        }

        @Override
        public void stop() {
            try {
                server.close();
                for (Socket socket : held) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /**
     * Far below the 30 s a send may wait for the mail server before it is given up, and far above what a loaded test
     * machine needs to answer: a route that waited for the mail would take at least that long.
     */
    private static final long HELD = 15_000L;

    @Test
    void everyMailingRouteAnswersAtOnce() {
        String email = TestAccounts.uniqueEmail("stalled");
        given().contentType("application/json")
                .body(Map.of("email", email, "password", TestAccounts.PASSWORD, "displayName", "Patient"))
                .when().post("/api/accounts").then().statusCode(201).time(lessThan(HELD));
        String token = TestAccounts.token(email);
        given().auth().oauth2(token).when().post("/api/me/verification-mail").then().statusCode(202).time(lessThan(HELD));
        given().contentType("application/json").body(Map.of("email", email))
                .when().post("/api/auth/password-reset").then().statusCode(202).time(lessThan(HELD));
        given().contentType("application/json")
                .body(Map.of("email", email, "password", AccountRecoveryTest.OWNER_PASSWORD, "displayName", "Owner"))
                .when().post("/api/accounts").then().statusCode(409).time(lessThan(HELD));
    }
}
