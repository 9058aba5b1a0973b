package io.shiporskip.api.platform;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The account behind a verified token: its {@code sub} is the account id. */
public final class Caller {

    private Caller() {
    }

    public static long accountId(SecurityContext context) {
        return accountId(context.getUserPrincipal());
    }

    public static long accountId(Principal principal) {
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            try {
                return Long.parseLong(jwt.getSubject());
            } catch (NumberFormatException ignored) {
                // answered below: a token we did not issue
            }
        }
        throw new ApiProblem(401, "Unauthorized", "A valid bearer token is required", null);
    }
}
