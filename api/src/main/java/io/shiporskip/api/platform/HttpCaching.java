package io.shiporskip.api.platform;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Conditional GETs for every public read (README "HTTP caching"): a strong ETag made from the bytes sent, a
 * Cache-Control, a Vary, and 304 Not Modified without a body when If-None-Match names the current ETag.
 * If-None-Match is compared as RFC 9110 §13.1.2 says: weak comparison ({@code W/"x"} matches {@code "x"}), a
 * comma-separated list matches if any member does, and {@code *} matches any current representation.
 */
public final class HttpCaching {

    /** Any cache may keep it but must ask again before each use; the ETag makes asking cheap. */
    public static final String REVALIDATE = "no-cache";

    /**
     * The answer depends on the Origin (CORS headers, or a 403 for a refused origin) and would on Accept-Encoding
     * wherever a proxy in front compresses it.
     */
    public static final String VARY = "Accept-Encoding, Origin";

    /** What Quarkus REST sends for a JSON entity; the bytes sent from the cache say the same. */
    public static final String JSON = "application/json;charset=UTF-8";

    private HttpCaching() {
    }

    /** {@code "<hex of the first 16 bytes of SHA-256>"}: changes exactly when the bytes do. */
    public static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String etag(String text) {
        return etag(text.getBytes(StandardCharsets.UTF_8));
    }

    /** 304 when If-None-Match matches, else 200 with the representation's bytes; headers on both. */
    public static Response answer(String ifNoneMatch, Representation<?> representation, String mediaType) {
        return answer(ifNoneMatch, representation.bytes(), representation.etag(), mediaType, REVALIDATE);
    }

    public static Response answer(String ifNoneMatch, Object body, String etag, String mediaType, String cacheControl) {
        Response.ResponseBuilder response = matches(ifNoneMatch, etag) ? Response.notModified()
                : Response.ok(body, mediaType);
        return headers(response, etag, cacheControl).build();
    }

    /** The caching headers a 200 and its 304 both carry. */
    public static Response.ResponseBuilder headers(Response.ResponseBuilder response, String etag, String cacheControl) {
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, VARY);
    }

    /**
     * Whether If-None-Match names {@code etag} (a quoted strong tag) by weak comparison. Absent or malformed: false,
     * so the full answer is sent.
     */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String header = ifNoneMatch.trim();
        if (header.equals("*")) {
            return true;
        }
        int i = 0;
        int n = header.length();
        while (i < n) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t' || header.charAt(i) == ',')) {
                i++;
            }
            if (i == n) {
                return false;
            }
            if (header.startsWith("W/", i)) {
                i += 2;
            }
            if (i == n || header.charAt(i) != '"') {
                return false; // not an entity-tag: the list is malformed
            }
            int close = header.indexOf('"', i + 1);
            if (close < 0) {
                return false;
            }
            if (etag.length() == close + 1 - i && header.regionMatches(i, etag, 0, etag.length())) {
                return true;
            }
            i = close + 1;
        }
        return false;
    }
}
