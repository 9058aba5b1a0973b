package io.shiporskip.api.account.rest;

import io.shiporskip.api.platform.HttpCaching;
import io.shiporskip.api.platform.OpenApiContract;
import io.shiporskip.api.platform.Representation;
import io.shiporskip.api.platform.Representations;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import io.shiporskip.api.platform.RateLimiter;
import jakarta.ws.rs.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.shiporskip.api.account.service.JwtKeys;
import io.shiporskip.api.account.service.LoginThrottle;
import io.shiporskip.api.account.service.PasswordHasher;
import io.shiporskip.api.account.service.TokenService;

import io.shiporskip.api.account.service.AccountRequests.SignIn;
import io.shiporskip.api.account.service.AccountService;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.Emails;
import io.shiporskip.api.account.service.TokenService.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Sign-up, sign-in and the signed-in reader")
public class AuthResource {

    private final Representations representations;

    /** The JWK Set's shape, for the document: the keys are RFC 7517 JSON objects. */
    @Schema(name = "JwkSet")
    record JwkSet(@Schema(required = true) List<Map<String, Object>> keys) {
    }

    private final AccountService accounts;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final JwtKeys keys;

    public AuthResource(AccountService accounts, PasswordHasher hasher, TokenService tokens, LoginThrottle throttle,
            JwtKeys keys, Representations representations) {
        this.representations = representations;
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.keys = keys;
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = "Sign in: exchange e-mail and password for a short-lived bearer token (RS256 JWT)",
            description = "The token carries sub (account id), groups (reader, maker, admin) and tools (slugs the "
                    + "account is a maker of).")
    @APIResponse(responseCode = "200", description = "The token", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccessToken.class), examples = @ExampleObject(name = "token", value = """
                    {"accessToken":"eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9.eyJzdWIiOiI0MiIsImdyb3VwcyI6WyJyZWFkZXIiXX0.c2ln",
                     "tokenType":"Bearer","expiresIn":3600}""")))
    @APIResponse(responseCode = "400", description = "The e-mail or password is missing or malformed")
    @APIResponse(responseCode = "401", description = "Wrong e-mail or password (the same answer for both)")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins for this e-mail from this client, "
            + "from this client overall, or for this e-mail from everywhere")
    public Uni<Response> token(@Valid @NotNull SignIn body, @Context HttpServerRequest request) {
        String email = Emails.normalise("email", body.email());
        return throttle.reserve(email, RateLimiter.clientKey(request)).chain(guess -> accounts.credentials(email)
                .chain(found -> hasher.matches(body.password(), found == null ? null : found.passwordHash())
                        .map(ok -> ok ? found : null))
                .chain(found -> {
                    if (found == null) {
                        throw wrongCredentials();
                    }
                    return throttle.succeeded(guess).replaceWith(() -> Response.ok(
                                    tokens.issue(found.id(), found.admin(), found.tools()))
                            .cacheControl(CacheControl.valueOf("no-store"))
                            .build());
                }));
    }

    @GET
    @Path("/jwks.json")
    @Operation(operationId = "getJwks", summary = "The public key tokens are verified with, as a JWK Set (for badge-service)",
            description = "RFC 7517 JWK Set of the RS256 key that signs access tokens; cacheable for five minutes.")
    @APIResponse(responseCode = "200", description = "The JWK Set (RFC 7517)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JwkSet.class)))
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Response jwks(@HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        Representation<?> jwks = representations.of(keys.jwks());
        return HttpCaching.answer(ifNoneMatch, jwks.bytes(), jwks.etag(), HttpCaching.JSON, "public, max-age=300");
    }

    /** One answer for an unknown e-mail and a wrong password, so sign-in does not reveal who has an account. */
    static ApiProblem wrongCredentials() {
        return new ApiProblem(401, "Unauthorized", "The e-mail or password is wrong", null);
    }
}
