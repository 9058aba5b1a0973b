package io.shiporskip.api.page;

import io.shiporskip.api.DemoDatabase;

/** The page tests' own database ({@link PagesProfile}), at the site address those tests tell from the Host header. */
public class PagesDatabase extends DemoDatabase {

    public PagesDatabase() {
        super("shiporskip_api_pages_test", PagesProfile.SITE);
    }
}
