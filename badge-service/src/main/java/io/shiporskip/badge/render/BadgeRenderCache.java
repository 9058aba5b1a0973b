package io.shiporskip.badge.render;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.model.VerdictSnapshot;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SVG bytes keyed by (slug, verdict version, normalised style and theme). A new verdict version makes new
 * keys, so a hit is always current; the placement ({@code src}) is counted but does not change the image.
 */
@ApplicationScoped
public class BadgeRenderCache {

    public record Key(String slug, String version, BadgeStyle style, Theme theme) {
    }

    /**
     * Ready-to-send bytes (a Vert.x buffer can be written any number of times), their strong ETag, and the
     * same tag pre-encoded as a header value.
     */
    public record Rendered(Buffer body, String etag, CharSequence etagHeader) {
    }

    private final SvgRenderer renderer;
    private final Cache<Key, Rendered> cache;

    public BadgeRenderCache(SvgRenderer renderer, BadgeConfig config, MeterRegistry registry) {
        this.renderer = renderer;
        this.cache = Caffeine.newBuilder().maximumSize(config.renderCache().maxSize()).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, cache, "render");
    }

    public Rendered get(VerdictSnapshot verdict, BadgeStyle style, Theme theme) {
        Key key = new Key(verdict.slug(), verdict.version(), style, theme);
        Rendered hit = cache.getIfPresent(key);
        return hit != null ? hit : cache.get(key, k -> render(verdict, k)); // the capturing lambda only on a miss
    }

    private Rendered render(VerdictSnapshot verdict, Key key) {
        byte[] svg = renderer.verdict(verdict, key.style(), key.theme());
        String etag = etag(key);
        return new Rendered(Buffer.buffer(svg), etag, HttpHeaders.createOptimized(etag));
    }

    /** Opaque and header-safe whatever the api's version string holds. */
    static String etag(Key key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((key.slug() + '\n' + key.version() + '\n' + key.style().param + '\n' + key.theme().param)
                    .getBytes(StandardCharsets.UTF_8));
            return '"' + HexFormat.of().formatHex(digest, 0, 12) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void invalidate(String slug) {
        cache.asMap().keySet().removeIf(k -> k.slug().equals(slug));
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }
}
