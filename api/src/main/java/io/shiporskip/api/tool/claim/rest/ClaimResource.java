package io.shiporskip.api.tool.claim.rest;

import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.platform.Caller;
import io.shiporskip.api.platform.OpenApiContract;
import io.shiporskip.api.platform.Params;
import io.shiporskip.api.platform.WriteLimited;
import io.shiporskip.api.tool.claim.service.Claim;
import io.shiporskip.api.tool.claim.service.ClaimRequests;
import io.shiporskip.api.tool.claim.service.ClaimService;
import io.shiporskip.model.TokenClaims;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Makers claim a tool and prove it (the editors' side is admin.AdminClaimResource). */
@Path("/api/tools")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(TokenClaims.READER)
@Tag(name = "Tool claims", description = "Makers claim a tool and prove it by publishing a token on its website")
public class ClaimResource {

    static final String AWAITING = """
            {"id":"3f0c6a52-8d5e-4c1b-9a57-2f4e1d7b9c10","tool":{"slug":"quill-coder","name":"Quill Coder"},"status":"AWAITING_PROOF",
             "token":"q8Vd3kT2mZr7Yb1uN4xW0sLc9HfPaJe6GiOtRyUwQvE",
             "proof":{"wellKnownUrl":"https://quill.example/.well-known/shiporskip-verification.txt",
                      "metaTag":"<meta name=\\"shiporskip-verification\\" content=\\"q8Vd3kT2mZr7Yb1uN4xW0sLc9HfPaJe6GiOtRyUwQvE\\">"},
             "createdAt":"2026-12-01T09:00:00Z","decidedAt":null,"provedBy":null,"reason":null}""";

    static final String APPROVED = """
            {"id":"3f0c6a52-8d5e-4c1b-9a57-2f4e1d7b9c10","tool":{"slug":"quill-coder","name":"Quill Coder"},"status":"APPROVED",
             "token":"q8Vd3kT2mZr7Yb1uN4xW0sLc9HfPaJe6GiOtRyUwQvE",
             "proof":{"wellKnownUrl":"https://quill.example/.well-known/shiporskip-verification.txt",
                      "metaTag":"<meta name=\\"shiporskip-verification\\" content=\\"q8Vd3kT2mZr7Yb1uN4xW0sLc9HfPaJe6GiOtRyUwQvE\\">"},
             "createdAt":"2026-12-01T09:00:00Z","decidedAt":"2026-12-01T09:05:00Z","provedBy":"WELL_KNOWN","reason":null}""";

    static final String IN_REVIEW = """
            {"id":"3f0c6a52-8d5e-4c1b-9a57-2f4e1d7b9c10","tool":{"slug":"quill-coder","name":"Quill Coder"},"status":"IN_REVIEW",
             "token":"q8Vd3kT2mZr7Yb1uN4xW0sLc9HfPaJe6GiOtRyUwQvE",
             "proof":{"wellKnownUrl":"https://quill.example/.well-known/shiporskip-verification.txt",
                      "metaTag":"<meta name=\\"shiporskip-verification\\" content=\\"q8Vd3kT2mZr7Yb1uN4xW0sLc9HfPaJe6GiOtRyUwQvE\\">"},
             "createdAt":"2026-12-01T09:00:00Z","decidedAt":null,"provedBy":null,
             "reason":"GET https://quill.example/.well-known/shiporskip-verification.txt answered HTTP 404; GET https://quill.example answered HTTP 200 without a <meta name=\\"shiporskip-verification\\"> tag"}""";

    private final ClaimService claims;
    private final ApiConfig.Api urls;

    public ClaimResource(ClaimService claims, ApiConfig config) {
        this.claims = claims;
        this.urls = config.api();
    }

    @POST
    @Path("/{slug}/claims")
    @WriteLimited
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.READER)
    @Operation(operationId = "claimTool", summary = "Claim to be a maker of this tool",
            description = "Any signed-in account whose e-mail address is confirmed. Publish the claim's token (the "
                    + "well-known file or the meta tag in `proof`), then ask for the proof to be checked with POST "
                    + "…/claims/{id}/proof. Asking again while the claim is open answers the same claim (200).")
    @APIResponse(responseCode = "201", description = "The new claim; Location is its URL",
            headers = @Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Claim.class),
                    examples = @ExampleObject(name = "awaitingProof", value = AWAITING)))
    @APIResponse(responseCode = "200", description = "This account's claim on the tool that is still open",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Claim.class),
                    examples = @ExampleObject(name = "stillOpen", value = AWAITING)))
    @APIResponse(responseCode = "403", description = "The account has not confirmed its e-mail address, or the token "
            + "lacks the reader role, or the browser origin is not allowed (CORS)")
    @APIResponse(responseCode = "404", description = "No tool has this slug")
    @APIResponse(responseCode = "409", description = "The account is already a maker of this tool")
    public Uni<Response> claim(@Context SecurityContext security,
            @Parameter(example = "quill-coder") @PathParam("slug") String slug) {
        long account = Caller.accountId(security);
        String tool = Params.slug("slug", slug);
        return claims.create(account, tool).map(outcome -> (outcome.created()
                // Location from the configured public URL, never from the request's Host header.
                ? Response.created(URI.create(urls.url("/api/tools/" + tool + "/claims/" + outcome.claim().id())))
                        .entity(outcome.claim())
                : Response.ok(outcome.claim())).build());
    }

    @GET
    @Path("/{slug}/claims/{id}")
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.READER)
    @Operation(operationId = "getClaim", summary = "A claim, for its claimant or an editor")
    @APIResponse(responseCode = "200", description = "The claim",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Claim.class),
                    examples = {@ExampleObject(name = "awaitingProof", value = AWAITING),
                            @ExampleObject(name = "inReview", value = IN_REVIEW)}))
    @APIResponse(responseCode = "404", description = "No claim with this id on this tool for this account (another "
            + "account's claim is not found either)")
    public Uni<Claim> get(@Context SecurityContext security,
            @Parameter(example = "quill-coder") @PathParam("slug") String slug,
            @Parameter(description = "The claim's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        long account = Caller.accountId(security);
        String tool = Params.slug("slug", slug);
        return claims.get(account, security.isUserInRole(TokenClaims.ADMIN), tool, ClaimRequests.claimId(id));
    }

    @POST
    @Path("/{slug}/claims/{id}/proof")
    // Each proof makes the api fetch from the outside: the writes allowance bounds how often an account can.
    @WriteLimited
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.READER)
    @Operation(operationId = "proveClaim", summary = "Check the claim's proof on the tool's website, once",
            description = "The api fetches `{origin of the tool's website}/.well-known/shiporskip-verification.txt` "
                    + "(it must contain the token), then, failing that, the website's home page (it must carry "
                    + "`<meta name=\"shiporskip-verification\" content=\"TOKEN\">`). Found: the claim is APPROVED and "
                    + "the account is a maker of the tool from its next token on. Not found: the claim is IN_REVIEW, "
                    + "`reason` says what the fetch found, and it waits for an editor (proving again is allowed). "
                    + "Only the website's host is fetched, over https, from public addresses, redirects only on that "
                    + "host (3 at most), with a short timeout and a size cap. An approved claim answers as it is.")
    @APIResponse(responseCode = "200", description = "The claim after the check: APPROVED, or IN_REVIEW with the reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Claim.class),
                    examples = {@ExampleObject(name = "approved", value = APPROVED),
                            @ExampleObject(name = "inReview", value = IN_REVIEW)}))
    @APIResponse(responseCode = "404", description = "No claim with this id on this tool for this account")
    @APIResponse(responseCode = "409", description = "The claim was rejected; claim the tool again")
    public Uni<Response> prove(@Context SecurityContext security,
            @Parameter(example = "quill-coder") @PathParam("slug") String slug,
            @Parameter(description = "The claim's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        long account = Caller.accountId(security);
        String tool = Params.slug("slug", slug);
        var claimId = ClaimRequests.claimId(id);
        return claims.prove(account, tool, claimId).map(claim -> Response.ok(claim).build());
    }
}
