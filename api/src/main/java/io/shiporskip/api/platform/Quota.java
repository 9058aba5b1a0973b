package io.shiporskip.api.platform;

import jakarta.ws.rs.core.Response;

/**
 * What is left of an allowance after a request, as the IETF RateLimit header fields report it
 * (RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset in seconds).
 */
public record Quota(long limit, long remaining, long resetSeconds) {

    public Response.ResponseBuilder addHeaders(Response.ResponseBuilder response) {
        return response.header("RateLimit-Limit", limit)
                .header("RateLimit-Remaining", remaining)
                .header("RateLimit-Reset", resetSeconds);
    }
}
