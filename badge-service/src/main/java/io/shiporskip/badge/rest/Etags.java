package io.shiporskip.badge.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Entity tags of the public GET routes and the {@code If-None-Match} check every one of them answers 304 with.
 * RFC 9110 §13.1.2: {@code If-None-Match} uses the weak comparison ({@code W/"x"} matches {@code "x"}), may list
 * several tags separated by commas, and {@code *} matches any current representation.
 */
public final class Etags {

    private Etags() {
    }

    /**
     * Whether the header's condition is false, i.e. the client's copy is current and the answer is 304. A header
     * that cannot be parsed matches nothing (the full answer is always safe).
     */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String ours = opaque(etag);
        if (ours == null) {
            return false;
        }
        int i = 0;
        int n = ifNoneMatch.length();
        while (i < n) {
            char c = ifNoneMatch.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (c == '*') {
                return true;
            }
            if (ifNoneMatch.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= n || ifNoneMatch.charAt(i) != '"') {
                return false; // not an entity tag: the header is malformed
            }
            int close = ifNoneMatch.indexOf('"', i + 1);
            if (close < 0) {
                return false;
            }
            if (ours.equals(ifNoneMatch.substring(i, close + 1))) {
                return true;
            }
            i = close + 1;
        }
        return false;
    }

    /** The quoted part of an entity tag, without a weakness indicator; null when it is not one. */
    static String opaque(String etag) {
        String t = etag.startsWith("W/") ? etag.substring(2) : etag;
        return t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"' ? t : null;
    }

    /** A strong tag for a representation: a digest of everything it is made of, opaque and header-safe. */
    public static String of(String representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation.getBytes(StandardCharsets.UTF_8));
            return '"' + HexFormat.of().formatHex(digest, 0, 12) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
