package io.shiporskip.badge.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * api's {@code GET /api/me}, asked with the caller's own bearer token: the roles and tools the account holds in api's
 * database now, whatever the token says. Same client configuration as {@link VerdictApiClient}.
 */
@RegisterRestClient(configKey = "shiporskip-api")
@Path("/api/me")
public interface AccountApiClient {

    /** 401 (as a WebApplicationException) when api no longer accepts the token. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<AccountRights> me(@HeaderParam("Authorization") String authorization);
}
