package io.shiporskip.badge.counting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.limits.MinuteBudgets;
import io.shiporskip.badge.limits.Networks;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What counts, so that counts resist inflation and say what they discarded:
 * <ul>
 * <li>source: a github-camo User-Agent only from the configured image-proxy networks (elsewhere it is an ordinary
 * client); no User-Agent is a bot;</li>
 * <li>per (client address, tool) at most N impressions and M clicks a minute are counted, the rest are discarded
 * (served as usual, kept as {@code discarded}). Verified image-proxy loads are not capped: all of GitHub's readers
 * share those few addresses;</li>
 * <li>a click counts only for a top-level navigation when the browser says what it is doing (Sec-Fetch-*).</li>
 * </ul>
 * The client address is the connection's remote address; X-Forwarded-For only when Quarkus proxy forwarding is
 * configured (it then replaces the remote address before any route runs).
 */
@ApplicationScoped
public class CountingPolicy {

    private static final CharSequence SEC_FETCH_MODE = HttpHeaders.createOptimized("Sec-Fetch-Mode");
    private static final CharSequence SEC_FETCH_DEST = HttpHeaders.createOptimized("Sec-Fetch-Dest");
    private static final String UNKNOWN_ADDRESS = "unknown";

    private final BadgeEventCounter counter;
    private final Networks imageProxies;
    private final MinuteBudgets<ClientTool> budgets;
    private final int impressionsPerMinute;
    private final int clicksPerMinute;

    record ClientTool(String client, String slug) {
    }

    public CountingPolicy(BadgeEventCounter counter, BadgeConfig config, MeterRegistry registry) {
        BadgeConfig.Counting c = config.counting();
        this.counter = counter;
        this.imageProxies = Networks.parse(c.imageProxyNetworks());
        this.budgets = new MinuteBudgets<>(c.maxTrackedClients());
        this.impressionsPerMinute = c.clientImpressionsPerMinute();
        this.clicksPerMinute = c.clientClicksPerMinute();
        Gauge.builder("badge.counting.clients.tracked", budgets, MinuteBudgets::size)
                .description("(client address, tool) pairs whose per-minute caps are in memory").register(registry);
        Log.infof("badge counting: github-camo accepted from %s; per client and tool %d impressions and %d clicks a minute",
                imageProxies.cidrs(), impressionsPerMinute, clicksPerMinute);
    }

    /** The client's address as seen by this service (after proxy forwarding, when configured). */
    public static String address(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String host = remote == null ? null : remote.hostAddress();
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
        if (source != Source.GITHUB_CAMO && !budgets.take(new ClientTool(address, slug), MinuteBudgets.FIRST, impressionsPerMinute)) {
            counter.discard(kind, slug, DiscardReason.CLIENT_CAP);
            return;
        }
        counter.record(kind, slug, source, placement, Referrers.host(request.getHeader(HttpHeaders.REFERER)));
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
        String address = address(request);
        if (!budgets.take(new ClientTool(address, slug), MinuteBudgets.SECOND, clicksPerMinute)) {
            counter.discard(EventKind.CLICK, slug, DiscardReason.CLIENT_CAP);
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
