package io.shiporskip.api.account.rest;

import io.shiporskip.api.config.ApiConfig.Limit;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.account.service.AccountService;
import io.shiporskip.api.account.service.AccountView;

import io.shiporskip.api.account.service.AccountRequests.NewAccount;
import io.shiporskip.api.platform.Emails;
import io.shiporskip.api.platform.Quota;
import io.shiporskip.api.platform.RateLimiter;
import io.shiporskip.api.account.service.PasswordHasher;
import io.shiporskip.model.ProblemDetail;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Sign-up, sign-in and the signed-in reader")
public class AccountResource {

    private final AccountService accounts;
    private final PasswordHasher hasher;
    private final RateLimiter limiter;
    private final Limit limits;

    public AccountResource(AccountService accounts, PasswordHasher hasher, RateLimiter limiter,
            ApiConfig apiConfig) {
        Limit limits = apiConfig.limit();
        this.accounts = accounts;
        this.hasher = hasher;
        this.limiter = limiter;
        this.limits = limits;
    }

    @POST
    @Operation(summary = "Create a reader account", description = "The e-mail is trimmed and lower-cased and must be "
            + "unused; the password (10 to 200 characters) is stored as a bcrypt hash and never returned.")
    @APIResponse(responseCode = "201", description = "The new account",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; the problem names it",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "An account with this e-mail exists",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "429", description = "Too many accounts created from this address")
    public Uni<Response> create(@Valid @NotNull NewAccount body, @Context HttpServerRequest request) {
        String email = Emails.normalise("email", body.email());
        Quota quota = limiter.consume(limits.signUpLimit(), RateLimiter.clientKey(request));
        return hasher.hash(body.password())
                .chain(hash -> accounts.create(email, body.displayName().trim(), hash))
                .map(view -> quota.addHeaders(Response.created(URI.create("/api/me")).entity(view)).build());
    }
}
