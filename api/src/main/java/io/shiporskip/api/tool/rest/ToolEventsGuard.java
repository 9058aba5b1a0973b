package io.shiporskip.api.tool.rest;

import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.tool.service.ToolService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * An event stream's response starts with its headers, before the first event is known; so the tool is looked up
 * here, before the stream, and an unknown slug is an ordinary 404 problem instead of a stream that breaks off.
 */
public class ToolEventsGuard {

    private final ToolService tools;

    public ToolEventsGuard(ToolService tools) {
        this.tools = tools;
    }

    @ServerRequestFilter
    public Uni<Response> requireTool(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource.getResourceClass() != ToolEventsResource.class) {
            return null;
        }
        String slug = request.getUriInfo().getPathParameters().getFirst("slug");
        return tools.verdict(io.shiporskip.api.platform.Params.slug("slug", slug)).replaceWith((Response) null)
                .onFailure(ApiProblem.class).recoverWithUni(problem -> Uni.createFrom().failure(problem));
    }
}
