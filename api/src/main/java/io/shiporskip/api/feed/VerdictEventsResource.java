package io.shiporskip.api.feed;

import io.shiporskip.api.tool.service.VerdictStream;
import io.smallrye.mutiny.Multi;
import io.shiporskip.api.platform.RateLimiter;
import io.shiporskip.model.ProblemDetail;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The live counterpart of the verdict feeds: every change of any tool, as Server-Sent Events. */
@Path("/api/verdicts/events")
@Tag(name = "Live updates", description = "Server-Sent Events of verdict and community changes, from every api copy")
public class VerdictEventsResource {

    private final VerdictStream stream;

    public VerdictEventsResource(VerdictStream stream) {
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamVerdicts", summary = "Follow every tool's verdict live",
            description = "Events named 'verdict' whose data is the changed tool's VerdictSnapshot, as the change commits "
                    + "on any api copy. No replay: load the lists first, then apply events. A comment every 15 s keeps "
                    + "the connection open through proxies.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "This client already holds shiporskip.live.streams-per-client open "
            + "event streams, or this server shiporskip.live.streams; wait the seconds Retry-After gives",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Multi<OutboundSseEvent> events(@Context Sse sse, @Context HttpServerRequest request) {
        return stream.ofCatalog(RateLimiter.clientKey(request), sse);
    }
}
