package io.shiporskip.api.admin;

import io.shiporskip.api.platform.Caller;
import io.shiporskip.api.platform.OpenApiContract;
import io.shiporskip.api.platform.Params;
import io.shiporskip.api.platform.WriteLimited;
import io.shiporskip.api.tool.claim.entity.ClaimStatus;
import io.shiporskip.api.tool.claim.service.Claim;
import io.shiporskip.api.tool.claim.service.ClaimRequests;
import io.shiporskip.api.tool.claim.service.ClaimRequests.ClaimApproval;
import io.shiporskip.api.tool.claim.service.ClaimRequests.ClaimRejection;
import io.shiporskip.api.tool.claim.service.ClaimService;
import io.shiporskip.api.tool.claim.service.QueuedClaim;
import io.shiporskip.model.TokenClaims;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The editors' queue of makers' claims (admin role); the claims themselves live in tool.claim. */
@Path("/api/admin/claims")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(TokenClaims.ADMIN)
@Tag(name = "Admin", description = "Editors (admin role) review makers' claims")
public class AdminClaimResource {

    /** The queue's page, named for the document. */
    @Schema(description = "One page of the claims queue")
    record ClaimQueuePage(List<QueuedClaim> items,
            @Schema(nullable = true, description = "Pass as `cursor` to get the next page; null on the last page") String nextCursor) {
    }

    private static final String CLAIM_ID = "The claim's id";

    private final ClaimService claims;

    public AdminClaimResource(ClaimService claims) {
        this.claims = claims;
    }

    @GET
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.ADMIN)
    @Operation(operationId = "listClaims", summary = "The claims queue: claims in one status, oldest first",
            description = "By default the claims waiting for an editor (IN_REVIEW), each with the claimant's e-mail. "
                    + "Keyset-paginated: pass the returned nextCursor to get the next page (null on the last page).")
    @APIResponse(responseCode = "200", description = "One page of claims", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimQueuePage.class),
            examples = @ExampleObject(name = "inReview", value = """
                    {"items":[{"id":"3f0c6a52-8d5e-4c1b-9a57-2f4e1d7b9c10","tool":{"slug":"quill-coder","name":"Quill Coder"},"status":"IN_REVIEW",
                      "token":"q8Vd3kT2mZr7Yb1uN4xW0sLc9HfPaJe6GiOtRyUwQvE",
                      "proof":{"wellKnownUrl":null,
                               "metaTag":"<meta name=\\"shiporskip-verification\\" content=\\"q8Vd3kT2mZr7Yb1uN4xW0sLc9HfPaJe6GiOtRyUwQvE\\">"},
                      "createdAt":"2026-12-01T09:00:00Z","decidedAt":null,"provedBy":null,
                      "reason":"The tool has no website on record, so there is nothing to fetch; an editor will review the claim",
                      "claimantEmail":"maker@quill.example"}],
                     "nextCursor":null}""")))
    @APIResponse(responseCode = "400", description = "A parameter is malformed (a cursor this api did not hand out "
            + "included); the problem names it")
    public Uni<ClaimQueuePage> list(
            @Parameter(description = "Which claims (case-insensitive)", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"AWAITING_PROOF", "IN_REVIEW", "APPROVED", "REJECTED"}, defaultValue = "IN_REVIEW"))
            @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page (opaque)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @QueryParam("cursor") String cursor) {
        ClaimStatus wanted = Params.oneOf("status", status, ClaimStatus.class, ClaimStatus.IN_REVIEW);
        int size = Params.intInRange("limit", limit, 1, 100, 20);
        return claims.queue(wanted, size, cursor).map(page -> new ClaimQueuePage(page.items(), page.nextCursor()));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @WriteLimited
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.ADMIN)
    @Operation(operationId = "approveClaim", summary = "Approve an open claim: the claimant becomes a maker of the tool",
            description = "The claimant is mailed, with the note if there is one (the body is optional). "
                    + "Approving an approved claim answers it unchanged.")
    @APIResponse(responseCode = "200", description = "The claim, APPROVED (proved by ADMIN)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Claim.class),
                    examples = @ExampleObject(name = "approved", value = """
                            {"id":"3f0c6a52-8d5e-4c1b-9a57-2f4e1d7b9c10","tool":{"slug":"quill-coder","name":"Quill Coder"},"status":"APPROVED",
                             "token":"q8Vd3kT2mZr7Yb1uN4xW0sLc9HfPaJe6GiOtRyUwQvE",
                             "proof":{"wellKnownUrl":null,
                                      "metaTag":"<meta name=\\"shiporskip-verification\\" content=\\"q8Vd3kT2mZr7Yb1uN4xW0sLc9HfPaJe6GiOtRyUwQvE\\">"},
                             "createdAt":"2026-12-01T09:00:00Z","decidedAt":"2026-12-01T10:30:00Z","provedBy":"ADMIN",
                             "reason":"Confirmed with the vendor's press contact"}""")))
    @APIResponse(responseCode = "404", description = "No claim has this id")
    @APIResponse(responseCode = "409", description = "The claim was rejected")
    public Uni<Response> approve(@Context SecurityContext security,
            @Parameter(description = CLAIM_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id,
            @RequestBody(required = false, description = "Optional: a note for the claimant") @Valid ClaimApproval body) {
        long editor = Caller.accountId(security);
        var claimId = ClaimRequests.claimId(id);
        String note = body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason().trim();
        return claims.approve(editor, claimId, note).map(claim -> Response.ok(claim).build());
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @WriteLimited
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.ADMIN)
    @Operation(operationId = "rejectClaim", summary = "Reject an open claim, with a reason the claimant is mailed",
            description = "Rejecting a rejected claim answers it unchanged. The account may claim the tool again.")
    @APIResponse(responseCode = "200", description = "The claim, REJECTED, with the reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Claim.class),
                    examples = @ExampleObject(name = "rejected", value = """
                            {"id":"3f0c6a52-8d5e-4c1b-9a57-2f4e1d7b9c10","tool":{"slug":"quill-coder","name":"Quill Coder"},"status":"REJECTED",
                             "token":"q8Vd3kT2mZr7Yb1uN4xW0sLc9HfPaJe6GiOtRyUwQvE",
                             "proof":{"wellKnownUrl":"https://quill.example/.well-known/shiporskip-verification.txt",
                                      "metaTag":"<meta name=\\"shiporskip-verification\\" content=\\"q8Vd3kT2mZr7Yb1uN4xW0sLc9HfPaJe6GiOtRyUwQvE\\">"},
                             "createdAt":"2026-12-01T09:00:00Z","decidedAt":"2026-12-01T10:30:00Z","provedBy":null,
                             "reason":"The proof file is on a different product's site"}""")))
    @APIResponse(responseCode = "404", description = "No claim has this id")
    @APIResponse(responseCode = "409", description = "The claim is already approved (revoke the maker instead)")
    public Uni<Response> reject(@Context SecurityContext security,
            @Parameter(description = CLAIM_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id, @Valid @NotNull ClaimRejection body) {
        long editor = Caller.accountId(security);
        var claimId = ClaimRequests.claimId(id);
        return claims.reject(editor, claimId, body.reason().trim()).map(claim -> Response.ok(claim).build());
    }
}
