package io.shiporskip.api.account.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.shiporskip.api.config.ApiConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * bcrypt (cost {@code shiporskip.accounts.password-cost}, 10 by default) on a worker thread: a hash takes tens of
 * milliseconds, too long for the event loop. The
 * returned Uni resumes on the caller's Vert.x context, so a Hibernate Reactive session can carry on after it.
 * Passwords are first reduced to base64(SHA-256), so bcrypt's 72-byte limit never silently truncates a long one.
 */
@ApplicationScoped
public class PasswordHasher {

    private final Vertx vertx;
    private final int cost;
    /** Compared against when the e-mail is unknown, so a miss costs what a wrong password costs. */
    private final String dummyHash;

    public PasswordHasher(Vertx vertx, ApiConfig config) {
        this.vertx = vertx;
        this.cost = config.accounts().passwordCost();
        this.dummyHash = hashNow("no account has this password");
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(() -> hashNow(password), false);
    }

    /** {@code hash} null means "no such account": still spends one bcrypt check, then answers false. */
    public Uni<Boolean> matches(String password, String hash) {
        return vertx.executeBlocking(() -> {
            if (hash == null) {
                BcryptUtil.matches(prepare(password), dummyHash); // same work, result ignored
                return false;
            }
            return BcryptUtil.matches(prepare(password), hash);
        }, false);
    }

    /** For startup code that may block. */
    public String hashNow(String password) {
        return BcryptUtil.bcryptHash(prepare(password), cost);
    }

    private static String prepare(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
