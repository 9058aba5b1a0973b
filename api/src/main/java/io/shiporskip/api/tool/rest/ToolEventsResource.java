package io.shiporskip.api.tool.rest;

import io.shiporskip.api.platform.Params;
import io.shiporskip.api.tool.service.VerdictStream;
import io.shiporskip.model.ProblemDetail;
import io.smallrye.mutiny.Multi;
import io.shiporskip.api.platform.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Live verdict changes of one tool (Server-Sent Events); the stream of every tool is {@code /api/verdicts/events}. */
@Path("/api/tools/{slug}/events")
@Tag(name = "Live updates", description = "Server-Sent Events of verdict and community changes, from every api copy")
public class ToolEventsResource {

    private final VerdictStream stream;

    public ToolEventsResource(VerdictStream stream) {
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamToolVerdict", summary = "Follow one tool's verdict live",
            description = "Events named 'verdict' whose data is the tool's VerdictSnapshot (as GET /api/tools/{slug}/verdict); "
                    + "the first is the current state, so reconnecting (Last-Event-ID is accepted and not needed) catches up "
                    + "at once. A comment every 15 s keeps the connection open through proxies.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The slug is malformed",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No tool with this slug",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "429", description = "This client already holds shiporskip.live.streams-per-client open "
            + "event streams, or this server shiporskip.live.streams; wait the seconds Retry-After gives",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Multi<OutboundSseEvent> events(@Parameter(example = "smolvlm2") @PathParam("slug") String slug,
            @Context Sse sse, @Context HttpServerRequest request) {
        return stream.ofTool(Params.slug("slug", slug), RateLimiter.clientKey(request), sse);
    }
}
