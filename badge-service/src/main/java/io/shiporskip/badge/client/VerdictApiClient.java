package io.shiporskip.badge.client;

import io.shiporskip.model.VerdictSnapshot;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** api's verdict endpoint; base URL from quarkus.rest-client.shiporskip-api.url (= shiporskip.api.url). */
@RegisterRestClient(configKey = "shiporskip-api")
@Path("/api/tools")
public interface VerdictApiClient {

    @GET
    @Path("/{slug}/verdict")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<VerdictSnapshot> verdict(@PathParam("slug") String slug);

    /** The same, conditional: 304 (no body) while the verdict still carries the given ETag. */
    @GET
    @Path("/{slug}/verdict")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<VerdictSnapshot>> verdictIfChanged(@PathParam("slug") String slug, @HeaderParam("If-None-Match") String etag);
}
