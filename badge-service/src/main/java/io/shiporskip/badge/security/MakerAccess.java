package io.shiporskip.badge.security;

import io.shiporskip.model.TokenClaims;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.util.Collection;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may read a tool's statistics: an admin, or a maker whose token lists the tool in its {@code tools}
 * claim (api puts the slugs a maker owns there when it signs the token).
 */
public final class MakerAccess {

    private MakerAccess() {
    }

    public static boolean mayReadStats(SecurityIdentity identity, String slug) {
        if (identity == null || identity.isAnonymous()) {
            return false;
        }
        if (identity.hasRole(TokenClaims.ADMIN)) {
            return true;
        }
        return identity.hasRole(TokenClaims.MAKER) && identity.getPrincipal() instanceof JsonWebToken jwt && ownsTool(jwt, slug);
    }

    static boolean ownsTool(JsonWebToken jwt, String slug) {
        Object claim = jwt.getClaim(TokenClaims.TOOLS);
        if (!(claim instanceof Collection<?> tools)) {
            return false; // absent or not a list: owns nothing
        }
        for (Object t : tools) {
            // SmallRye hands array claims over as a JSON array of JSON strings.
            String value = t instanceof JsonString s ? s.getString() : t instanceof String s ? s : null;
            if (slug.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
