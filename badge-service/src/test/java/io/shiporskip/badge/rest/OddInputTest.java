package io.shiporskip.badge.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed requests of every kind get a 4xx, never a 500 or a stack trace. */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class OddInputTest {

    @Test
    void oddInputIsAClientErrorWithoutInternals() {
        Fixtures.stub(Fixtures.ship("odd-tool", "Odd Tool"));
        String longValue = "a".repeat(3000);
        List<String> paths = List.of(
                "/api/badge/%zz", "/api/badge/odd-tool?style=%zz", "/api/badge/odd-tool?style", "/api/badge/odd-tool?style=&theme=",
                "/api/badge/odd-tool?theme=" + longValue, "/api/badge/" + longValue, "/api/badge/odd-tool?src=readme&src=docs",
                "/embed/%zz", "/embed/odd-tool?theme=%00", "/embed/" + longValue,
                "/api/badge-click/%zz", "/api/badge-click/odd-tool?src=%E2%80%AE", "/api/badge-click/%00",
                "/api/badge/%zz/shields.json", "/api/badge/odd-tool%00/snippets", "/api/badge/ODD/snippets");
        // A client that asks for JSON gets problem documents everywhere: labelled application/json, the type it asked
        // for, where successes are no JSON (image, widget, click-through), problem+json beside JSON successes.
        for (String path : paths) {
            RawHttp.Reply r = RawHttp.get(path, "application/json");
            assertTrue(r.status() >= 400 && r.status() < 500, path + " answered " + r.status());
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("io.shiporskip"),
                    path + ": " + r.body());
            if (!r.body().isEmpty()) {
                String expected = path.matches("/api/badge/[^/]*(\\?.*)?") || path.startsWith("/embed/")
                        || path.startsWith("/api/badge-click/") ? "application/json" : "application/problem+json";
                assertTrue(r.header("content-type").startsWith(expected), path + " answered " + r.header("content-type"));
                assertTrue(r.body().contains("\"status\":" + r.status()), path + ": " + r.body());
            }
        }
        // Any other client: the image route answers images and the widget pages (issue 13), the rest problem documents.
        for (String path : paths) {
            RawHttp.Reply r = RawHttp.get(path);
            assertTrue(r.status() >= 400 && r.status() < 500, path + " answered " + r.status());
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("io.shiporskip"),
                    path + ": " + r.body());
            if (!r.body().isEmpty()) {
                String type = r.header("content-type");
                String expected = path.matches("/api/badge/[^/]*(\\?.*)?") ? "image/svg+xml"
                        : path.startsWith("/embed/") ? "text/html" : "application/problem+json";
                assertTrue(type.startsWith(expected),
                        path + " answered " + type);
            }
        }
    }
}
