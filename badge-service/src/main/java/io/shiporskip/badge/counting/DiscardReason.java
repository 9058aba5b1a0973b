package io.shiporskip.badge.counting;

/** Why an event that was served was not counted; the tag value of {@code badge.counting.discarded}. */
public enum DiscardReason {
    /** Over the per-(client, tool) cap of the minute (a client is an IPv4 address or an IPv6 /64). */
    CLIENT_CAP("client-cap"),
    /** Over the per-(network, tool) ceiling of the minute (an IPv4 /24 or an IPv6 /48). */
    NETWORK_CAP("network-cap"),
    /** Loaded by one of our own pages (the review page's or a comparison's preview): never a third party's reader. */
    OWN_PAGE("own-page"),
    /** A click that the browser says was no top-level navigation (an iframe, an image, a fetch). */
    NOT_NAVIGATION("not-navigation"),
    /** A click on a slug badge-service could not check (api down or the client's lookup budget spent): no row at all. */
    UNVERIFIED_TOOL("unverified-tool"),
    /** Rows kept before reasons were recorded (migration V3): a client cap or a click that was no navigation. */
    UNRECORDED("unrecorded");

    public final String tag;

    DiscardReason(String tag) {
        this.tag = tag;
    }
}
