package io.shiporskip.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shiporskip.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;

/**
 * The api tests' one harness rule: each application a test starts gets its database freshly created, the demo
 * catalog loaded and the site's address set. A subclass names the database, so the groups of tests that create
 * tools never change what another group counts.
 */
public abstract class DemoDatabase implements QuarkusTestResourceLifecycleManager {

    /** The site's address wherever a group does not need one of its own. */
    public static final String SITE = "https://shiporskip.example";

    private final String database;
    private final String site;

    protected DemoDatabase(String database, String site) {
        this.database = database;
        this.site = site;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> properties = new HashMap<>(reachedThrough(TestDatabase.freshDatabase(database)).quarkusProperties());
        properties.put("shiporskip.demo-data", "true");
        properties.put("shiporskip.site.base-url", site);
        return properties;
    }

    /** Where the application connects to the database: the server itself, unless a group puts something between. */
    protected TestDatabase.Coordinates reachedThrough(TestDatabase.Coordinates database) {
        return database;
    }

    @Override
    public void stop() {
        // Dropped and recreated by the next start; the embedded server stops with the JVM.
    }
}
