package io.shiporskip.api;

/**
 * The accounts tests' own database ({@link AccountsProfile}), so the tools, critics and votes they create never
 * change what the catalog tests count.
 */
public class AccountsDatabase extends DemoDatabase {

    public AccountsDatabase() {
        super("shiporskip_api_accounts_test", SITE);
    }
}
