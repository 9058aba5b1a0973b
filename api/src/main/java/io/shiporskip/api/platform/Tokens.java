package io.shiporskip.api.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Random single-purpose tokens for e-mail links. Only {@link #hash} of a token is stored, so the database
 * alone cannot be used to confirm or unsubscribe anyone.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes in URL-safe base64 without padding. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Tokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lets a malformed token fail fast as a 400 without a database round trip. */
    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
