package io.shiporskip.api.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an unparsable Content-Type before Quarkus REST picks a resource method: it parses the header while
 * choosing between {@code @Consumes} variants of one path and would throw from there, which is the client's
 * mistake, not a server error.
 */
public class MediaTypeGuard {

    @ServerRequestFilter(preMatching = true)
    public Response refuseUnparsableContentType(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            MediaType.valueOf(contentType);
            return null;
        } catch (IllegalArgumentException e) {
            return ProblemMapper.problem(400, "Bad Request", "The Content-Type header is not a valid media type",
                    request.getUriInfo(), null);
        }
    }
}
