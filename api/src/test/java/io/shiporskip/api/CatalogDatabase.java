package io.shiporskip.api;

/**
 * The catalog tests' database: they count the demo tools, so nothing else writes here. Attached with
 * {@code @WithTestResource(CatalogDatabase.class)}; classes with the same resources and profile share one application.
 */
public class CatalogDatabase extends DemoDatabase {

    public CatalogDatabase() {
        super("shiporskip_api_test", SITE);
    }
}
