package io.shiporskip.api.account.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.shiporskip.api.platform.LimitsDatabase;
import io.shiporskip.api.platform.RateLimit;
import io.shiporskip.api.platform.RateLimitExceeded;
import io.shiporskip.api.platform.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two api copies, as far as limits go: two limiter stacks (RateLimiter + LoginThrottle), each over a connection pool of
 * its own, on one real PostgreSQL database. What one copy spends, the other sees: sign-in guesses spread over both
 * reach the allowance as one, and a write allowance is one allowance. (reliability/run.sh scenario 8 does the same
 * with two running api processes.)
 */
class LimitsAcrossCopiesTest {

    private static final RateLimit PER_PAIR = new RateLimit("failed sign-in", 5, Duration.ofMinutes(15));
    private static final RateLimit PER_CLIENT = new RateLimit("failed sign-in from this client", 8, Duration.ofMinutes(15));
    private static final RateLimit PER_ACCOUNT = new RateLimit("failed sign-in for this account", 12, Duration.ofMinutes(15));
    private static final RateLimit WRITES = new RateLimit("write", 4, Duration.ofMinutes(1));

    private static LimitsDatabase database;
    private static AgroalDataSource poolA;
    private static AgroalDataSource poolB;

    private final RateLimiter limiterA = new RateLimiter(poolA);
    private final RateLimiter limiterB = new RateLimiter(poolB);
    private final LoginThrottle copyA = new LoginThrottle(limiterA, PER_PAIR, PER_CLIENT, PER_ACCOUNT);
    private final LoginThrottle copyB = new LoginThrottle(limiterB, PER_PAIR, PER_CLIENT, PER_ACCOUNT);

    @BeforeAll
    static void database() {
        database = new LimitsDatabase("shiporskip_api_copies_test");
        poolA = database.pool(4);
        poolB = database.pool(4);
    }

    @AfterAll
    static void close() {
        poolA.close();
        poolB.close();
    }

    @BeforeEach
    void freshBuckets() {
        database.forgetBuckets(poolA);
    }

    @Test
    void signInGuessesSpreadOverBothCopiesMeetOneAllowance() {
        String email = "owner@copies.test";
        String client = "203.0.113.10";
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? copyA : copyB).reserve(email, client).await().indefinitely();
        }
        // Five guesses, three on A and two on B: both copies refuse the sixth.
        RateLimitExceeded onA = assertThrows(RateLimitExceeded.class, () -> copyA.reserve(email, client).await().indefinitely());
        RateLimitExceeded onB = assertThrows(RateLimitExceeded.class, () -> copyB.reserve(email, client).await().indefinitely());
        assertTrue(onA.getMessage().contains("failed sign-in") && onB.getMessage().contains("failed sign-in"));
        // A refused attempt took nothing from the other allowances: this client still has 8 - 5 guesses for others.
        for (int i = 0; i < 3; i++) {
            (i % 2 == 0 ? copyB : copyA).reserve("other" + i + "@copies.test", client).await().indefinitely();
        }
        assertThrows(RateLimitExceeded.class, () -> copyA.reserve("other9@copies.test", client).await().indefinitely());
    }

    @Test
    void aRightPasswordOnOneCopyGivesItsGuessBackOnBoth() {
        String email = "refund@copies.test";
        String client = "203.0.113.20";
        for (int i = 0; i < 4; i++) {
            copyA.reserve(email, client).await().indefinitely();
        }
        LoginThrottle.Guess right = copyB.reserve(email, client).await().indefinitely();
        copyB.succeeded(right).await().indefinitely(); // the fifth was the right password: it does not count
        copyA.reserve(email, client).await().indefinitely();
        assertThrows(RateLimitExceeded.class, () -> copyB.reserve(email, client).await().indefinitely());
    }

    @Test
    void aWriteAllowanceIsSharedByBothCopies() {
        String account = "account:42";
        assertEquals(3, limiterA.take(WRITES, account).await().indefinitely().remaining());
        assertEquals(2, limiterB.take(WRITES, account).await().indefinitely().remaining());
        assertEquals(1, limiterA.take(WRITES, account).await().indefinitely().remaining());
        assertEquals(0, limiterB.take(WRITES, account).await().indefinitely().remaining());
        RateLimitExceeded refused = assertThrows(RateLimitExceeded.class, () -> limiterA.take(WRITES, account).await().indefinitely());
        assertTrue(refused.quota().resetSeconds() >= 1 && refused.quota().resetSeconds() <= 15, "retry after " + refused.quota().resetSeconds());
        // Another account's allowance is its own.
        assertEquals(3, limiterB.take(WRITES, "account:43").await().indefinitely().remaining());
    }

    @Test
    void simultaneousWritesOnBothCopiesSpendExactlyTheAllowance() throws Exception {
        int requests = 24;
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                RateLimiter copy = i % 2 == 0 ? limiterA : limiterB;
                Callable<Boolean> write = () -> {
                    start.await();
                    try {
                        copy.consumeNow(WRITES, "account:7");
                        return true;
                    } catch (RateLimitExceeded e) {
                        return false;
                    }
                };
                answers.add(threads.submit(write));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> answer : answers) {
                allowed += answer.get() ? 1 : 0;
            }
            assertEquals(4, allowed, "24 writes at once over two copies: exactly the allowance passes");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void bucketsKeepNoKeyInTheClear() {
        limiterA.take(WRITES, "account:99").await().indefinitely();
        copyB.reserve("private@copies.test", "198.51.100.99").await().indefinitely();
        assertEquals(4, database.rows(poolA));
        assertEquals(0, database.rowsContaining(poolA, "private@copies.test") + database.rowsContaining(poolA, "198.51.100.99")
                + database.rowsContaining(poolA, "account:99"));
    }
}
