package io.shiporskip.api.platform;

import io.shiporskip.model.ProblemTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.shiporskip.model.ProblemDetail;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a declared body over {@code quarkus.http.limits.max-body-size} with a 413 problem+json. Quarkus's own
 * limit route ends such requests with an empty body before any exception mapper runs, so this sits just ahead
 * of it; bodies without a Content-Length are still cut off by Quarkus itself.
 */
@ApplicationScoped
public class OversizeBodyGuard {

    private final long maxBodySize;
    private final byte[] body;

    public OversizeBodyGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) throws JsonProcessingException {
        this.maxBodySize = maxBodySize.asLongValue();
        this.body = json.writeValueAsBytes(new ProblemDetail(ProblemTypes.of(413), "Content Too Large", 413,
                "The request body is larger than " + maxBodySize.asLongValue() / 1024 + " KiB", null, null));
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseOversizeBody);
    }

    private void refuseOversizeBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
            return;
        }
        context.next();
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false; // a malformed length is Vert.x's to reject
        }
    }
}
