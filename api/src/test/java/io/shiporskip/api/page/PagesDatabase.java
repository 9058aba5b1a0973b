package io.shiporskip.api.page;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shiporskip.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;

/** A fresh real PostgreSQL database for the page tests, with the demo catalog loaded. */
public class PagesDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> properties = new HashMap<>(
                TestDatabase.freshDatabase("shiporskip_api_pages_test").quarkusProperties());
        properties.put("shiporskip.demo-data", "true");
        return properties;
    }

    @Override
    public void stop() {
        // dropped and recreated by the next run
    }
}
