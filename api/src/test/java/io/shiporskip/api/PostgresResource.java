package io.shiporskip.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shiporskip.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;

/** A fresh real PostgreSQL database for the api's tests (TEST_DB_URL, or embedded), loaded with demo data. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshDatabase("shiporskip_api_test").quarkusProperties());
        properties.put("shiporskip.demo-data", "true");
        properties.put("shiporskip.site.base-url", "https://shiporskip.example");
        return properties;
    }

    @Override
    public void stop() {
        // The database is dropped and recreated by the next run; the embedded server stops with the JVM.
    }
}
