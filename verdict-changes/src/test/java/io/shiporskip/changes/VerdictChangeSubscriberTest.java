package io.shiporskip.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiporskip.model.VerdictEvents;
import io.shiporskip.testing.TestDatabase;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a real PostgreSQL: slugs arrive, garbage does not, a killed LISTEN connection comes back and reports that
 * changes may have been missed, and close stops it for good; against a server that hangs up: it keeps retrying. The services' tests cover what each does with it.
 */
class VerdictChangeSubscriberTest {

    private static final String MISSED = "<missed>";

    static TestDatabase.Coordinates db;
    static Vertx vertx;

    @BeforeAll
    static void start() {
        db = TestDatabase.freshDatabase("shiporskip_changes_test");
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void reportsSlugsIgnoresGarbageAndComesBackAfterItsConnectionIsKilled() throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (VerdictChangeSubscriber subscriber = subscribe(heard)) {
            assertTrue(eventually(subscriber::listening), "LISTEN established");
            assertEquals(1, listeners());

            notifyChanged("'; DROP TABLE x; --");
            notifyChanged("  some-tool \n");
            assertEquals("some-tool", heard.poll(5, TimeUnit.SECONDS), "slug trimmed and passed on; garbage dropped");

            execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.database()
                    + "' AND query ILIKE 'LISTEN%'");
            assertEquals(MISSED, heard.poll(10, TimeUnit.SECONDS), "re-subscribed and said changes may be lost");
            notifyChanged("after-reconnect");
            assertEquals("after-reconnect", heard.poll(5, TimeUnit.SECONDS));
            assertTrue(heard.isEmpty(), heard.toString());

            subscriber.close();
            assertFalse(subscriber.listening());
            assertTrue(eventually(() -> listeners() == 0), "connection closed");
            Thread.sleep(VerdictChangeSubscriber.RETRY_MILLIS + 500);
            assertEquals(0, listeners(), "no reconnect after close");
        }
    }

    @Test
    void retriesOnceASecondWhileTheServerRefusesAndStopsOnClose() throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        AtomicInteger attempts = new AtomicInteger();
        // A "server" that hangs up on every connection: each attempt fails, the subscriber keeps trying.
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        attempts.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            VerdictChangeSubscriber subscriber = VerdictChangeSubscriber.create(vertx,
                    "postgresql://127.0.0.1:" + server.getLocalPort() + "/none", Optional.empty(), Optional.empty(),
                    listener(heard));
            subscriber.start();
            assertTrue(eventually(() -> attempts.get() >= 2), "tried again after the first failure");
            assertFalse(subscriber.listening());
            subscriber.close();
            int tried = attempts.get();
            Thread.sleep(VerdictChangeSubscriber.RETRY_MILLIS + 500);
            assertTrue(attempts.get() <= tried + 1, "no retries after close: " + tried + " then " + attempts.get());
            assertTrue(heard.isEmpty(), heard.toString());
        }
    }

    private static VerdictChangeSubscriber subscribe(BlockingQueue<String> heard) {
        VerdictChangeSubscriber subscriber = VerdictChangeSubscriber.create(vertx, db.reactiveUrl(),
                Optional.of(db.user()), Optional.of(db.password()), listener(heard));
        subscriber.start();
        return subscriber;
    }

    private static VerdictChangeSubscriber.Listener listener(BlockingQueue<String> heard) {
        return new VerdictChangeSubscriber.Listener() {
            @Override
            public void changed(String slug) {
                heard.add(slug);
            }

            @Override
            public void mayHaveMissedChanges() {
                heard.add(MISSED);
            }
        };
    }

    private static void notifyChanged(String payload) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, VerdictEvents.CHANNEL);
            s.setString(2, payload);
            s.execute();
        }
    }

    private static long listeners() {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND query ILIKE 'LISTEN%'")) {
            s.setString(1, db.database());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
