package io.shiporskip.api.platform;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.shiporskip.model.ProblemDetail.FieldError;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * The pages a link in one of our mails opens (confirm a sign-up, verify an address, unsubscribe), from the
 * type-safe Qute templates in {@code templates/LinkPages/} on the shared {@code templates/layout.html}. A link's GET
 * only shows a button that POSTs, because mail scanners fetch links. Every outcome is a page, errors included:
 * operations marked {@link OpenApiContract#HTML_ERRORS} get their errors from {@link ProblemMapper} as pages too.
 */
@CheckedTemplate(basePath = "LinkPages")
public final class LinkPages {

    /** Tokens travel in these URLs: no referrer leaves the page, nothing is cached, nothing runs. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private LinkPages() {
    }

    static native TemplateInstance actionPage(PageMeta meta, String message, String action, String token, String button);

    static native TemplateInstance outcomePage(PageMeta meta, String message, String hint);

    static native TemplateInstance passwordPage(PageMeta meta, String message, String action, String token, String button);

    /** The page a mailed link opens: what the button does and the button; {@code token} may be null (then in {@code action}). */
    public static Response action(String heading, String message, String action, String token, String button) {
        return page(200, actionPage(PageMeta.unlisted(heading, message), message, action, token, button));
    }

    /** A mailed link's page whose form sets a new password (field {@code password}) with the token. */
    public static Response passwordForm(String heading, String message, String action, String token, String button) {
        return page(200, passwordPage(PageMeta.unlisted(heading, message), message, action, token, button));
    }

    /** The page after the button: done. */
    public static Response done(String heading, String message) {
        return page(200, outcomePage(PageMeta.unlisted(heading, message), message, null));
    }

    /** An error on an HTML route, worded for someone who clicked a link in a mail; a bad token is "this link". */
    static Response problem(int status, String detail, List<FieldError> errors) {
        String heading = switch (status) {
            case 400 -> "This link does not work";
            case 404 -> "Page not found";
            case 429 -> "Too many requests";
            case 503 -> "Back in a moment";
            default -> "Something went wrong";
        };
        String message;
        if (status == 400) {
            message = errors == null ? detail : errors.stream()
                    .map(error -> ("token".equals(error.field()) ? "This link" : "The " + error.field()) + " " + error.message() + ".")
                    .collect(Collectors.joining(" "));
        } else if (status == 429) {
            message = "That was a lot of requests in a short time. Please wait a moment and try again.";
        } else if (status >= 500) {
            message = "This page could not be shown just now. Please try again shortly.";
        } else {
            message = "This request could not be answered.";
        }
        String hint = status == 400 ? "Links in our mails work once and expire; ask for a new mail to get a fresh one." : null;
        return page(status, outcomePage(PageMeta.unlisted(heading, message), message, hint));
    }

    /** Whether a resource method answers its errors as pages ({@code @Extension(name = HTML_ERRORS, value = "true")}). */
    static boolean wanted(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        for (Extension extension : method.getAnnotationsByType(Extension.class)) {
            if (OpenApiContract.HTML_ERRORS.equals(extension.name())) {
                return true;
            }
        }
        return false;
    }

    private static Response page(int status, TemplateInstance template) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the page's own form
                // POST, which the CORS guard refuses (403), so no real browser could confirm. Nothing leaves for
                // other origins either way.
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff")
                .entity(template.render())
                .build();
    }
}
