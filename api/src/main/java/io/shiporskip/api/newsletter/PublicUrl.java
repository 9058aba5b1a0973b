package io.shiporskip.api.newsletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Where this api is reachable from the outside: links in e-mails (confirm, unsubscribe) and feed self links
 * point here, never at whatever Host header a request came with.
 */
@ConfigMapping(prefix = "shiporskip.api")
public interface PublicUrl {

    @WithName("public-url")
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** {@code path} starts with a slash. */
    default String of(String path) {
        String base = publicUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
