package io.shiporskip.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's configuration tables and {@link ApiConfig} list the same {@code shiporskip.*} settings, with the same
 * defaults and the environment variable SmallRye really maps onto each one.
 */
class ConfigurationTableTest {

    private static final Pattern ROW = Pattern.compile(
            "^\\| `(SHIPORSKIP_[A-Z0-9_]+)` \\| `(shiporskip\\.[a-z0-9.-]+)`[^|]*\\| ([^|]*)\\|", Pattern.MULTILINE);
    private static final String NO_DEFAULT = "(none)";

    @Test
    void readmeListsEverySettingWithItsDefaultAndVariable() throws IOException {
        Map<String, String> declared = new TreeMap<>();
        settings(ApiConfig.class, "shiporskip", declared);

        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("..", "README.md")));
        while (row.find()) {
            String property = row.group(2);
            assertEquals(environmentName(property), row.group(1), "README's variable for " + property);
            String defaultCell = row.group(3).trim();
            documented.put(property, defaultCell.startsWith("`") ? defaultCell.substring(1, defaultCell.indexOf('`', 1))
                    : NO_DEFAULT);
        }
        // badge-service's own settings share the prefix; only the api's rows are compared with ApiConfig.
        documented.keySet().removeIf(property -> !declared.containsKey(property) && isBadgeSetting(property));
        assertEquals(declared, documented);
    }

    private static boolean isBadgeSetting(String property) {
        return property.startsWith("shiporskip.badge.") || property.startsWith("shiporskip.verdict-cache.")
                || property.startsWith("shiporskip.render-cache.") || property.startsWith("shiporskip.counting.")
                || property.startsWith("shiporskip.makers.")
                || property.equals("shiporskip.api.url");
    }

    /** SmallRye's rule: upper case, every non-alphanumeric character an underscore. */
    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static void settings(Class<?> group, String prefix, Map<String, String> into) {
        for (Method method : group.getDeclaredMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            WithName name = method.getAnnotation(WithName.class);
            String property = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
            if (method.getReturnType().isInterface() && method.getReturnType().getEnclosingClass() == ApiConfig.class) {
                settings(method.getReturnType(), property, into);
            } else {
                WithDefault value = method.getAnnotation(WithDefault.class);
                into.put(property, value != null ? value.value() : NO_DEFAULT);
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
