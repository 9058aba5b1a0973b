package io.shiporskip.badge.counting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.limits.ClientKeys;
import io.shiporskip.badge.limits.MinuteBudgets;
import io.shiporskip.badge.limits.Networks;
import io.shiporskip.model.EmbedSnippets;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;

/**
 * What counts, so that counts resist inflation and say what they discarded:
 * <ul>
 * <li>source: a github-camo User-Agent only from the configured image-proxy networks (elsewhere it is an ordinary
 * client); no User-Agent is a bot;</li>
 * <li>per (client, tool) at most N impressions and M clicks a minute are counted, a client being an IPv4 address
 * or an IPv6 /64; on top of that per (network, tool) — an IPv4 /24 or IPv6 /48 — at most a ceiling a minute
 * (default 10 × the client cap), so rotating addresses of one network multiplies nothing. The rest is discarded
 * (served as usual, kept as {@code discarded} with its reason). Verified image-proxy loads are not capped: all of
 * GitHub's readers share those few addresses;</li>
 * <li>a click counts only for a top-level navigation when the browser says what it is doing (Sec-Fetch-*);</li>
 * <li>our own pages never count: a load marked as our preview ({@code ?preview=own}) or whose Referer is the site's
 * or this service's own host, and a click whose Referer (or, from inside the widget, whose framing page) is the site.</li>
 * </ul>
 * The windows live in Caffeine caches bounded by {@code max-tracked-clients} keys each; past the bound the least
 * recently used keys are forgotten and start a fresh window: the bound costs a little leniency, never memory.
 * The client address is the connection's remote address; X-Forwarded-For only when Quarkus proxy forwarding is
 * configured (it then replaces the remote address before any route runs).
 */
@ApplicationScoped
public class CountingPolicy {

    private static final CharSequence SEC_FETCH_MODE = HttpHeaders.createOptimized("Sec-Fetch-Mode");
    private static final CharSequence SEC_FETCH_DEST = HttpHeaders.createOptimized("Sec-Fetch-Dest");
    private static final String UNKNOWN_ADDRESS = "unknown";

    private static final String PREVIEW_QUERY = EmbedSnippets.PREVIEW_PARAM + "=" + EmbedSnippets.PREVIEW_VALUE;

    private final BadgeEventCounter counter;
    private final Networks imageProxies;
    private final MinuteBudgets<ClientTool> budgets;
    private final MinuteBudgets<ClientTool> networkBudgets;
    private final int impressionsPerMinute;
    private final int clicksPerMinute;
    private final int networkImpressionsPerMinute;
    private final int networkClicksPerMinute;
    /** Pages that may show a preview: the review site and this service (compared by origin: scheme, host, port). */
    private final OwnOrigins ownOrigins;
    /** Where a click from our own pages comes from: the review site (a click from this service is the widget's). */
    private final OwnOrigins site;
    /** This service: the Referer of a click from inside the widget, whose {@code via} names the framing host. */
    private final OwnOrigins widget;
    /** The site's host name, for a widget click whose {@code via} says the site framed it; null without one. */
    private final String siteHost;

    /** {@code client} is a client or a network key of {@link ClientKeys}. */
    record ClientTool(String client, String slug) {
    }

    public CountingPolicy(BadgeEventCounter counter, BadgeConfig config, MeterRegistry registry, InstantSource clock) {
        BadgeConfig.Counting c = config.counting();
        this.counter = counter;
        this.imageProxies = Networks.parse(c.imageProxyNetworks());
        this.budgets = new MinuteBudgets<>(c.maxTrackedClients(), clock);
        this.networkBudgets = new MinuteBudgets<>(c.maxTrackedClients(), clock);
        this.impressionsPerMinute = c.clientImpressionsPerMinute();
        this.clicksPerMinute = c.clientClicksPerMinute();
        this.networkImpressionsPerMinute = c.networkImpressionsPerMinute();
        this.networkClicksPerMinute = c.networkClicksPerMinute();
        // Base URLs are checked at startup by SiteLinks; a malformed one simply matches nothing here.
        String siteBase = config.site().baseUrl();
        this.ownOrigins = new OwnOrigins(siteBase, config.badge().publicUrl());
        this.site = new OwnOrigins(siteBase);
        this.widget = new OwnOrigins(config.badge().publicUrl());
        this.siteHost = OwnOrigins.host(siteBase);
        Gauge.builder("badge.counting.clients.tracked", budgets, MinuteBudgets::size)
                .description("(client, tool) pairs whose per-minute caps are in memory").register(registry);
        Gauge.builder("badge.counting.networks.tracked", networkBudgets, MinuteBudgets::size)
                .description("(network, tool) pairs whose per-minute ceilings are in memory").register(registry);
        Log.infof("badge counting: github-camo accepted from %s; per client (IPv4, IPv6 /64) and tool %d impressions and %d clicks "
                + "a minute, per network (IPv4 /24, IPv6 /48) and tool %d and %d; own origins %s", imageProxies.cidrs(),
                impressionsPerMinute, clicksPerMinute, networkImpressionsPerMinute, networkClicksPerMinute, ownOrigins);
    }

    /** The client's address as seen by this service (after proxy forwarding, when configured). */
    public static String address(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        if (remote == null) {
            return UNKNOWN_ADDRESS;
        }
        // An IPv6 address a proxy forwarded has no hostAddress() (Vert.x leaves it unresolved), only host(): without
        // this every IPv6 reader behind a proxy was the one client "unknown".
        String host = remote.hostAddress();
        if (host == null || host.isEmpty()) {
            host = remote.host();
        }
        return host == null || host.isEmpty() ? UNKNOWN_ADDRESS : host;
    }

    /** The source of a request from {@code address}: the User-Agent's claim, with github-camo checked against the networks. */
    public Source source(HttpServerRequest request, String address) {
        Source claimed = Source.fromUserAgent(request.getHeader(HttpHeaders.USER_AGENT));
        if (claimed == Source.GITHUB_CAMO && !imageProxies.contains(address)) {
            return Source.DIRECT;
        }
        return claimed;
    }

    /** Counts (or discards) a badge or embed impression of a known tool. */
    public void impression(EventKind kind, String slug, HttpServerRequest request, String address, Source source, Placement placement) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        String referrer = Referrers.host(referer);
        if (ownPreview(request) || ownOrigins.matches(referer)) {
            counter.discard(kind, slug, DiscardReason.OWN_PAGE);
            return;
        }
        if (source != Source.GITHUB_CAMO) {
            DiscardReason over = overCap(address, slug, MinuteBudgets.FIRST, impressionsPerMinute, networkImpressionsPerMinute);
            if (over != null) {
                counter.discard(kind, slug, over);
                return;
            }
        }
        counter.record(kind, slug, source, placement, referrer);
    }

    /** Whether the load comes from one of our own pages: the preview marker, or a Referer with our site's or our own origin. */
    public boolean fromOwnPage(HttpServerRequest request) {
        return ownPreview(request) || ownOrigins.matches(request.getHeader(HttpHeaders.REFERER));
    }

    /** Whether the URL carries our own pages' preview marker ({@code preview=own}). */
    public static boolean ownPreview(HttpServerRequest request) {
        String query = request.query();
        if (query == null) {
            return false;
        }
        int at = query.indexOf(PREVIEW_QUERY);
        return at >= 0 && (at == 0 || query.charAt(at - 1) == '&')
                && (at + PREVIEW_QUERY.length() == query.length() || query.charAt(at + PREVIEW_QUERY.length()) == '&');
    }

    /** Takes one unit of the client's, then the network's budget; the reason when either is spent, null when counted. */
    private DiscardReason overCap(String address, String slug, int which, int clientLimit, int networkLimit) {
        if (!budgets.take(new ClientTool(ClientKeys.client(address), slug), which, clientLimit)) {
            return DiscardReason.CLIENT_CAP;
        }
        if (!networkBudgets.take(new ClientTool(ClientKeys.network(address), slug), which, networkLimit)) {
            return DiscardReason.NETWORK_CAP;
        }
        return null;
    }

    /** Counts (or discards) a click-through on a known tool, credited to the request's Referer host. */
    public void click(String slug, HttpServerRequest request, Placement placement) {
        click(slug, request, placement, Referrers.host(request.getHeader(HttpHeaders.REFERER)));
    }

    /**
     * Counts (or discards) a click-through on a known tool, credited to {@code referrerHost} (the caller decided it:
     * for a click from inside the widget, the embedding site rather than this service); the caller redirects either way.
     */
    public void click(String slug, HttpServerRequest request, Placement placement, String referrerHost) {
        if (!topLevelNavigation(request)) {
            counter.discard(EventKind.CLICK, slug, DiscardReason.NOT_NAVIGATION);
            return;
        }
        // A link on our own site (the review page's preview, if one ever links here) is no reader coming from a maker's.
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (site.matches(referer) || (widget.matches(referer) && siteHost != null && siteHost.equalsIgnoreCase(referrerHost))) {
            counter.discard(EventKind.CLICK, slug, DiscardReason.OWN_PAGE);
            return;
        }
        String address = address(request);
        DiscardReason over = overCap(address, slug, MinuteBudgets.SECOND, clicksPerMinute, networkClicksPerMinute);
        if (over != null) {
            counter.discard(EventKind.CLICK, slug, over);
            return;
        }
        counter.record(EventKind.CLICK, slug, source(request, address), placement, referrerHost);
    }

    /** A click on a slug that could not be checked: redirected, but neither counted nor kept (it may be junk). */
    public void unverifiedClick() {
        counter.discardUnkept(EventKind.CLICK, DiscardReason.UNVERIFIED_TOOL);
    }

    /**
     * A browser that sends Fetch Metadata says what the load is: only {@code navigate} into a {@code document} is a
     * reader following the link (an iframe, image or script loading the URL is not). Older browsers send neither
     * header and are believed.
     */
    static boolean topLevelNavigation(HttpServerRequest request) {
        String mode = request.getHeader(SEC_FETCH_MODE);
        if (mode != null && !mode.equalsIgnoreCase("navigate")) {
            return false;
        }
        String dest = request.getHeader(SEC_FETCH_DEST);
        return dest == null || dest.equalsIgnoreCase("document");
    }
}
