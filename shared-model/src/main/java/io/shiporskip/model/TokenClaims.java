package io.shiporskip.model;

/**
 * What api puts into an access token and badge-service reads out of it: the role names of the {@code groups}
 * claim and the claim that lists a maker's tools. Every account is a reader; makers and admins are readers too.
 */
public final class TokenClaims {

    public static final String GROUPS = "groups";
    public static final String READER = "reader";
    public static final String MAKER = "maker";
    public static final String ADMIN = "admin";

    /** The slugs of the tools a maker owns; badge-service authorises statistics on it. */
    public static final String TOOLS = "tools";

    private TokenClaims() {
    }
}
