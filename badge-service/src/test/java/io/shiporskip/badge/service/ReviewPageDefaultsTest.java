package io.shiporskip.badge.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiporskip.badge.config.BadgeConfig;
import io.smallrye.config.WithDefault;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a badge click once ended on a JSON 404 because the site it led to had no review pages. The api serves
 * them now ({@code GET /tool/{slug}} on its port, 8080 by default), so out of the box — and under {@code ./run.sh},
 * whatever ports it picks — clicks must lead to the api.
 */
class ReviewPageDefaultsTest {

    @Test
    void theDefaultSiteIsTheApiThatServesTheReviewPages() throws Exception {
        String site = BadgeConfig.Site.class.getMethod("baseUrl").getAnnotation(WithDefault.class).value();
        assertEquals("http://localhost:8080", site, "api's default port, where GET /tool/{slug} is served");
        assertEquals("http://localhost:8080/tool/my-tool", io.shiporskip.model.ReviewPage.url(site, "my-tool"));
    }

    @Test
    void runShPointsClicksAtTheApiItStarts() throws Exception {
        Path runSh = Path.of("..", "run.sh");
        String script = Files.readString(runSh);
        assertTrue(script.contains("export SHIPORSKIP_SITE_BASE_URL=${SHIPORSKIP_SITE_BASE_URL:-http://localhost:$API_PORT}"), script);
        assertTrue(script.contains("SHIPORSKIP_API_PORT=$API_PORT java -jar api/"), "the api started on that port");
    }
}
