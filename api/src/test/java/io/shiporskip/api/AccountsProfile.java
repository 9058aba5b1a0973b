package io.shiporskip.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * The accounts tests' application, on their own database ({@link AccountsDatabase}) and not the catalog tests' one:
 * they create tools, critics and votes that would change what the catalog tests count. A profile with settings of its
 * own extends this one and keeps the database.
 */
public class AccountsProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(AccountsDatabase.class));
    }
}
