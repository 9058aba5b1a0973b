package io.shiporskip.api.admin;

import io.shiporskip.api.admin.EditorialRequests.NewCritic;
import io.shiporskip.api.ratelimit.Quota;
import io.shiporskip.api.ratelimit.RateLimiter;
import io.shiporskip.api.security.AccountLimitsConfig;
import io.shiporskip.api.security.Caller;
import io.shiporskip.api.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Adds critics to the panel (admin role); listing them is CriticResource. */
@Path("/api/critics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Editorial", description = "Editors (admin role) maintain tools, critics, reviews and makers")
public class CriticEditorialResource {

    private final EditorialService editorial;
    private final RateLimiter limiter;
    private final AccountLimitsConfig limits;

    public CriticEditorialResource(EditorialService editorial, RateLimiter limiter, AccountLimitsConfig limits) {
        this.editorial = editorial;
        this.limiter = limiter;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a critic to the panel", description = "slug is derived from the name when absent; "
            + "without a position the critic joins the end of the panel.")
    public Uni<Response> create(@Context SecurityContext security, @Valid @NotNull NewCritic body) {
        Quota quota = limiter.consume(limits.writeLimit(), "account:" + Caller.accountId(security));
        return editorial.createCritic(body).map(critic -> quota.addHeaders(Response.status(201).entity(critic)).build());
    }
}
