package io.shiporskip.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shiporskip.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;

/**
 * The accounts tests' own real PostgreSQL database (demo data loaded), so the tools, critics and votes they create
 * never change what the catalog tests count.
 */
public class AccountsDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> properties = new HashMap<>(
                TestDatabase.freshDatabase("shiporskip_api_accounts_test").quarkusProperties());
        properties.put("shiporskip.demo-data", "true");
        properties.put("shiporskip.site.base-url", "https://shiporskip.example");
        return properties;
    }

    @Override
    public void stop() {
        // dropped and recreated by the next run
    }
}
