package io.shiporskip.badge.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers for every Quarkus REST response (the Vert.x badge route sets its own): nosniff everywhere, framing
 * forbidden everywhere but /embed, and the badge routes readable from any origin.
 */
public class SecurityHeaders {

    @ServerResponseFilter
    public void apply(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.putSingle("X-Content-Type-Options", "nosniff");
        boolean embed = path.startsWith("/embed/");
        if (!embed) {
            h.putSingle("X-Frame-Options", "DENY");
            if (!h.containsKey("Content-Security-Policy")) {
                h.putSingle("Content-Security-Policy", Headers.API_CSP);
            }
        }
        if (embed || path.startsWith("/api/badge")) {
            h.putSingle("Access-Control-Allow-Origin", "*");
        }
    }
}
