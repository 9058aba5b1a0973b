package io.shiporskip.badge.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code type} of every problem badge-service answers: one stable URN per kind of error, the same scheme and codes
 * as api's ({@code urn:shiporskip:problem:<code>}), so one client switch handles both services. URNs on purpose:
 * they name a kind and promise no page to fetch (RFC 9457 §3.1.1). docs/CONTRACT.md lists them.
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:shiporskip:problem:";

    /** Status → code, as in api's platform/ProblemTypes; the OpenAPI document lists the same table. */
    static final Map<Integer, String> CODES = new LinkedHashMap<>();

    static {
        CODES.put(400, "invalid-request");
        CODES.put(401, "unauthenticated");
        CODES.put(403, "forbidden");
        CODES.put(404, "not-found");
        CODES.put(405, "method-not-allowed");
        CODES.put(406, "not-acceptable");
        CODES.put(409, "conflict");
        CODES.put(413, "content-too-large");
        CODES.put(415, "unsupported-media-type");
        CODES.put(429, "too-many-requests");
        CODES.put(500, "internal-error");
        CODES.put(503, "unavailable");
    }

    /** A browser origin outside the allowed ones (CORS), told apart from a token without the right. */
    public static final String ORIGIN_NOT_ALLOWED = PREFIX + "origin-not-allowed";

    private ProblemTypes() {
    }

    /** The type URN of a problem with this status; {@code about:blank} for a status without a kind of its own. */
    public static String of(int status) {
        String code = CODES.get(status);
        return code == null ? "about:blank" : PREFIX + code;
    }
}
