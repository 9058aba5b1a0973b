package io.shiporskip.badge.counting;

/** Why an event that was served was not counted; the tag value of {@code badge.counting.discarded}. */
public enum DiscardReason {
    /** Over the per-(client address, tool) cap of the minute. */
    CLIENT_CAP("client-cap"),
    /** A click that the browser says was no top-level navigation (an iframe, an image, a fetch). */
    NOT_NAVIGATION("not-navigation"),
    /** A click on a slug badge-service could not check (api down or the client's lookup budget spent): no row at all. */
    UNVERIFIED_TOOL("unverified-tool");

    public final String tag;

    DiscardReason(String tag) {
        this.tag = tag;
    }
}
