package io.shiporskip.badge.counting;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The origins of our own pages: the review site (its embed preview) and this service (the maker dashboard). A
 * Referer from one of them is a preview, never a reader of the maker's site. Review pages send their origin
 * (Referrer-Policy strict-origin-when-cross-origin), so the origin is what is compared: scheme, host and port.
 */
final class OwnOrigins {

    private final List<String> origins;

    OwnOrigins(String... baseUrls) {
        this.origins = java.util.Arrays.stream(baseUrls).map(OwnOrigins::origin).filter(o -> o != null).distinct().toList();
    }

    @Override
    public String toString() {
        return origins.toString();
    }

    /** "scheme://host[:port]" lower-cased, without a default port; null when the URL has no host. */
    static String origin(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** The URL's host name, lower-cased; null when it has none or is no URL. */
    static String host(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null || host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    boolean matches(String referer) {
        if (referer == null || referer.isEmpty()) {
            return false;
        }
        for (String origin : origins) {
            if (referer.regionMatches(true, 0, origin, 0, origin.length())
                    && (referer.length() == origin.length() || "/?#".indexOf(referer.charAt(origin.length())) >= 0)) {
                return true;
            }
        }
        return false;
    }
}
