package io.shiporskip.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every route that writes spends a rate limit through {@link WriteLimited} (which also documents the 429), unless it is
 * listed here with the reason it does not: a new write route has to choose, it cannot forget.
 */
class WriteLimitedRoutesTest {

    private static final Map<String, String> NOT_WRITE_LIMITED = Map.ofEntries(
            Map.entry("AuthResource.token", "the sign-in throttle (LoginThrottle): a guess is reserved, and given back when right"),
            Map.entry("AccountResource.verify", "the mailed single-use token is the authority"),
            Map.entry("AccountResource.verifyForm", "the mailed single-use token is the authority"),
            Map.entry("AccountResource.claim", "the mailed single-use token is the authority"),
            Map.entry("AccountResource.claimForm", "the mailed single-use token is the authority"),
            Map.entry("AuthResource.resetPassword", "the mailed single-use token is the authority"),
            Map.entry("AuthResource.resetPasswordForm", "the mailed single-use token is the authority"),
            Map.entry("MeResource.changePassword", "the sign-in throttle (LoginThrottle): the current password is a guess"),
            Map.entry("NewsletterResource.confirm", "the mailed single-use token is the authority"),
            Map.entry("NewsletterResource.confirmForm", "the mailed single-use token is the authority"),
            Map.entry("NewsletterResource.unsubscribe", "one-click unsubscribe: the mailed token is the authority"));

    @Test
    void everyWriteRouteIsWriteLimitedOrSaysWhyNot() {
        JavaClasses api = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("io.shiporskip.api");
        Map<String, String> unlimited = new TreeMap<>();
        for (JavaClass type : api) {
            for (JavaMethod method : type.getMethods()) {
                boolean writes = method.isAnnotatedWith(POST.class) || method.isAnnotatedWith(PUT.class)
                        || method.isAnnotatedWith(PATCH.class) || method.isAnnotatedWith(DELETE.class);
                if (writes && !method.isAnnotatedWith(WriteLimited.class)) {
                    String name = type.getSimpleName() + "." + method.getName();
                    unlimited.put(name, NOT_WRITE_LIMITED.getOrDefault(name, "NOT LISTED: add @WriteLimited"));
                }
            }
        }
        assertEquals(new TreeSet<>(NOT_WRITE_LIMITED.keySet()), unlimited.keySet(), "write routes without @WriteLimited: "
                + unlimited);
    }
}
