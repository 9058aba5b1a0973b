package io.shiporskip.api.account.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * bcrypt (cost 10) on a worker thread: a hash takes tens of milliseconds, too long for the event loop. The
 * returned Uni resumes on the caller's Vert.x context, so a Hibernate Reactive session can carry on after it.
 * Passwords are first reduced to base64(SHA-256), so bcrypt's 72-byte limit never silently truncates a long one.
 */
@ApplicationScoped
public class PasswordHasher {

    private final Vertx vertx;
    /** Compared against when the e-mail is unknown, so a miss costs what a wrong password costs. */
    private final String dummyHash = BcryptUtil.bcryptHash(prepare("no account has this password"));

    public PasswordHasher(Vertx vertx) {
        this.vertx = vertx;
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
    public static String hashNow(String password) {
        return BcryptUtil.bcryptHash(prepare(password));
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
