package io.shiporskip.badge.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /makers} — the maker dashboard (issue 14): one page whose own script (under {@code /makers/assets/}, no
 * CDN) signs in at api, keeps the token in memory only, and reads the statistics route of this service. The page
 * itself carries no data: it is the same for everyone, so it needs no token.
 */
@Path("/makers")
public class MakersPageResource {

    static final String HTML = "text/html;charset=utf-8";

    private final String page;
    private final String csp;

    public MakersPageResource(DashboardLinks links) {
        this.page = MakersTemplates.page(links.apiUrl()).render();
        // Scripts and styles from this service only; network calls to this service and to api (sign-in, names).
        this.csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'; "
                + "connect-src 'self' " + links.apiOrigin() + "; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
    }

    @GET
    @Produces(HTML)
    @Operation(operationId = "makerDashboard", summary = "The maker dashboard (HTML; signs in at api from the browser)")
    @APIResponse(responseCode = "200", description = "The page; its Content-Security-Policy allows only this service and api",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response page() {
        return Response.ok(page, HTML)
                .header("Content-Security-Policy", csp)
                .header("Cache-Control", "no-cache")
                // The page's URL is nobody's business; nothing secret is in it either (never a token).
                .header("Referrer-Policy", "no-referrer")
                .header("Cross-Origin-Opener-Policy", "same-origin")
                .header("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
                .build();
    }

    String csp() {
        return csp;
    }
}
