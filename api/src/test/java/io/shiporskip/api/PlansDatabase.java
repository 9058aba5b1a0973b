package io.shiporskip.api;

/** The plan tests' own database: they add tens of thousands of tools, which no other group may count. */
public class PlansDatabase extends DemoDatabase {

    public PlansDatabase() {
        super("shiporskip_api_plans_test", SITE);
    }
}
