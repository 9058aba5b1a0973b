package io.shiporskip.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The layout rules of README's "Layout" section, checked on the compiled classes: one package (with its
 * sub-packages) per URL noun, no import cycle between any two packages, and shared plumbing that uses no feature.
 */
class ArchitectureTest {

    private static final JavaClasses API = new ClassFileImporter()
            // Test classes by their folder under any build directory (-Dbuild.dir=…), not only target/test-classes.
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.shiporskip.api");

    @Test
    void noPackageCycles() {
        slices().matching("io.shiporskip.api.(**)").should().beFreeOfCycles().check(API);
    }

    @Test
    void plumbingAndConfigurationUseNoFeature() {
        noClasses().that().resideInAnyPackage("io.shiporskip.api.platform..", "io.shiporskip.api.config..")
                .should().dependOnClassesThat().resideInAnyPackage("io.shiporskip.api.tool..",
                        "io.shiporskip.api.critic..", "io.shiporskip.api.category..", "io.shiporskip.api.comparison..",
                        "io.shiporskip.api.account..", "io.shiporskip.api.newsletter..", "io.shiporskip.api.digest..",
                        "io.shiporskip.api.feed..", "io.shiporskip.api.demo..", "io.shiporskip.api.page..",
                        "io.shiporskip.api.admin..")
                .check(API);
    }

    /**
     * A newcomer finds a route's code from its URL in one guess: every resource method's path falls under a row of
     * README's "URL prefix → package" table (the most specific row wins) and its class lives in that row's package.
     */
    @Test
    void everyRouteLivesInThePackageReadmeNamesForItsUrl() throws Exception {
        Map<Pattern, String> rows = new LinkedHashMap<>();
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher table = Pattern.compile("(?m)^\\| URL prefix \\| package \\|.*\\n\\|---.*\\n((?:\\|.*\\n)+)").matcher(readme);
        assertTrue(table.find(), "README has the URL prefix → package table");
        for (String row : table.group(1).split("\n")) {
            String[] cells = row.split("\\|");
            Matcher prefix = Pattern.compile("`(/[^`]*)`").matcher(cells[1]);
            String pkg = cells[2].trim().replace("`", "");
            while (prefix.find()) {
                rows.put(urlPattern(prefix.group(1)), pkg);
            }
        }
        Set<String> misplaced = new TreeSet<>();
        for (JavaClass resource : API) {
            if (!resource.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
                continue;
            }
            String base = resource.getAnnotationOfType(jakarta.ws.rs.Path.class).value();
            for (JavaMethod method : resource.getMethods()) {
                if (!method.isAnnotatedWith(jakarta.ws.rs.Path.class) && !isRoute(method)) {
                    continue;
                }
                String sub = method.isAnnotatedWith(jakarta.ws.rs.Path.class)
                        ? method.getAnnotationOfType(jakarta.ws.rs.Path.class).value() : "";
                String url = ("/" + base + "/" + sub).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                if (url.contains(":")) {
                    continue; // a regular-expression template (the page catch-all), no URL of its own
                }
                String expected = null;
                int longest = -1;
                for (Map.Entry<Pattern, String> row : rows.entrySet()) {
                    if (row.getKey().matcher(url).matches() && row.getKey().pattern().length() > longest) {
                        expected = row.getValue();
                        longest = row.getKey().pattern().length();
                    }
                }
                String actual = resource.getPackageName().substring("io.shiporskip.api.".length());
                if (expected == null || !(actual.equals(expected) || actual.startsWith(expected + "."))) {
                    misplaced.add(url + " is in " + actual + ", README says " + expected);
                }
            }
        }
        assertEquals(Set.of(), misplaced);
    }

    private static boolean isRoute(JavaMethod method) {
        return method.isAnnotatedWith(jakarta.ws.rs.GET.class) || method.isAnnotatedWith(jakarta.ws.rs.POST.class)
                || method.isAnnotatedWith(jakarta.ws.rs.PUT.class) || method.isAnnotatedWith(jakarta.ws.rs.PATCH.class)
                || method.isAnnotatedWith(jakarta.ws.rs.DELETE.class);
    }

    /** `/api/tools/**` → /api/tools and below; `{slug}` → one segment; `feed.*` → any extension. */
    private static Pattern urlPattern(String prefix) {
        String below = prefix.endsWith("/**") ? "(/.*)?" : "";
        String path = below.isEmpty() ? prefix : prefix.substring(0, prefix.length() - 3);
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=[{.*])|(?<=[}*])")) {
            if (part.startsWith("{")) {
                regex.append("[^/]+");
            } else if (part.equals("*")) {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(part));
            }
        }
        return Pattern.compile(regex + below);
    }

    @Test
    void toolsDoNotKnowAccounts() {
        // Accounts use tools (bookmarks, the maker claim); tools reach accounts only through MakerAccounts.
        noClasses().that().resideInAPackage("io.shiporskip.api.tool..")
                .should().dependOnClassesThat().resideInAPackage("io.shiporskip.api.account..").check(API);
    }
}
