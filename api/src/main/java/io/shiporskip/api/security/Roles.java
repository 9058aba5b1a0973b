package io.shiporskip.api.security;

/** The values of the JWT {@code groups} claim. Every account is a reader; makers and admins are readers too. */
public final class Roles {

    public static final String READER = "reader";
    public static final String MAKER = "maker";
    public static final String ADMIN = "admin";

    /** The claim listing the slugs of the tools a maker owns (badge-service authorises statistics on it). */
    public static final String TOOLS_CLAIM = "tools";

    private Roles() {
    }
}
