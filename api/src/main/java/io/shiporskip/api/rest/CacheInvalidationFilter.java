package io.shiporskip.api.rest;

import io.shiporskip.api.service.CatalogCache;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * After a write to {@code /api/tools} or under {@code /api/tools/{slug}} has answered — so its transaction has committed — drops that
 * tool from the read cache once more, closing the window in which a concurrent read could have cached the
 * state from before the commit.
 */
public class CacheInvalidationFilter {

    private static final Pattern TOOL_PATH = Pattern.compile("^/api/tools(?:/([a-z0-9-]{1,100})(?:/.*)?)?/?$");

    private final CatalogCache cache;

    public CacheInvalidationFilter(CatalogCache cache) {
        this.cache = cache;
    }

    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())
                || HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        Matcher matcher = TOOL_PATH.matcher(request.getUriInfo().getPath());
        if (!matcher.matches()) {
            return;
        }
        if (matcher.group(1) != null) {
            cache.invalidate(matcher.group(1));
        } else {
            cache.invalidateLists();
        }
    }
}
