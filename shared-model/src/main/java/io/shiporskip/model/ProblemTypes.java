package io.shiporskip.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code type} of every problem either service answers: one stable URN per kind of error, the same in api and
 * badge-service, so one client switch handles both and clients never parse titles. URNs on purpose: they name a kind
 * and promise no page to fetch (RFC 9457 §3.1.1). docs/CONTRACT.md lists them; each service's OpenAPI document too.
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:shiporskip:problem:";

    /** Status → code, in status order. */
    public static final Map<Integer, String> CODES;

    static {
        Map<Integer, String> codes = new LinkedHashMap<>();
        codes.put(400, "invalid-request");
        codes.put(401, "unauthenticated");
        codes.put(403, "forbidden");
        codes.put(404, "not-found");
        codes.put(405, "method-not-allowed");
        codes.put(406, "not-acceptable");
        codes.put(409, "conflict");
        codes.put(413, "content-too-large");
        codes.put(415, "unsupported-media-type");
        codes.put(429, "too-many-requests");
        codes.put(500, "internal-error");
        codes.put(503, "unavailable");
        CODES = Collections.unmodifiableMap(codes);
    }

    /** A browser origin outside the allowed ones (CORS), told apart from a token without the right role. */
    public static final String ORIGIN_NOT_ALLOWED = PREFIX + "origin-not-allowed";

    private ProblemTypes() {
    }

    /** The type URN of a problem with this status; {@code about:blank} for a status without a kind of its own. */
    public static String of(int status) {
        String code = CODES.get(status);
        return code == null ? "about:blank" : PREFIX + code;
    }
}
