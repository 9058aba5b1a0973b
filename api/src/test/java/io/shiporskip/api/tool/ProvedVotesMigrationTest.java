package io.shiporskip.api.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shiporskip.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Migration V9 on data written before it: votes of accounts that never proved their address are removed and the
 * counts of the tools they were on are recomputed from the rest (issue 20; the migration's comment says so).
 */
class ProvedVotesMigrationTest {

    @Test
    void votesOfUnprovedAccountsAreRemovedAndTheirToolsRecounted() throws Exception {
        TestDatabase.Coordinates db = TestDatabase.freshDatabase("shiporskip_api_v9_migration_test");
        migrate(db, "8");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            s.execute("SET search_path = catalog");
            s.execute("INSERT INTO tool (slug, name, vendor, tagline, description, category, pricing, entry_price) VALUES "
                    + "('faked', 'Faked', 'v', 't', 'd', 'c', 'p', 'Free'), ('honest', 'Honest', 'v', 't', 'd', 'c', 'p', 'Free')");
            s.execute("INSERT INTO account (email, display_name, password_hash, email_verified_at) VALUES "
                    + "('proved@example.com', 'Proved', 'x', now())");
            s.execute("INSERT INTO account (email, display_name, password_hash) SELECT 'puppet' || g || '@example.com', "
                    + "'Puppet', 'x' FROM generate_series(1, 12) g");
            // Before V9 every account could vote: one proved SHIP and twelve unproved SKIPs on 'faked'.
            s.execute("SELECT set_vote(a.id, 'faked', CASE WHEN a.email_verified_at IS NULL THEN 'SKIP' ELSE 'SHIP' END) "
                    + "FROM account a ORDER BY a.id");
            s.execute("SELECT set_vote(a.id, 'honest', 'SHIP') FROM account a WHERE a.email_verified_at IS NOT NULL");
            assertEquals(List.of("faked 1/12 v14", "honest 1/0 v2"), tools(s));
        }
        migrate(db, "9");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            s.execute("SET search_path = catalog");
            // 'faked' recounted (and its version moved, so caches and ETags change); 'honest' untouched.
            assertEquals(List.of("faked 1/0 v15", "honest 1/0 v2"), tools(s));
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM vote")) {
                r.next();
                assertEquals(2, r.getInt(1));
            }
            // And the function refuses them from now on: proved false, nothing written.
            try (ResultSet r = s.executeQuery("SELECT proved, found, changed FROM set_vote("
                    + "(SELECT id FROM account WHERE email = 'puppet1@example.com'), 'faked', 'SKIP')")) {
                r.next();
                assertEquals(List.of(false, false, false), List.of(r.getBoolean(1), r.getBoolean(2), r.getBoolean(3)));
            }
            assertEquals(List.of("faked 1/0 v15", "honest 1/0 v2"), tools(s));
        }
    }

    /**
     * Runs the migrations up to {@code target} as Flyway does (each script in one transaction, schema catalog first on
     * the search path); by hand because Flyway's PostgreSQL plugin is only wired up inside the Quarkus application.
     */
    private static void migrate(TestDatabase.Coordinates db, String target) throws Exception {
        int last = Integer.parseInt(target);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS catalog");
            s.execute("CREATE TABLE IF NOT EXISTS public.migrated (version int PRIMARY KEY)");
            c.setAutoCommit(false);
            for (int v = 1; v <= last; v++) {
                try (ResultSet r = s.executeQuery("SELECT 1 FROM public.migrated WHERE version = " + v)) {
                    if (r.next()) {
                        continue;
                    }
                }
                s.execute("SET LOCAL search_path = catalog");
                s.execute(script(v));
                s.execute("INSERT INTO public.migrated VALUES (" + v + ")");
                c.commit();
            }
        }
    }

    private static String script(int version) throws Exception {
        String prefix = "V" + version + "__";
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return Files.readString(file);
        }
    }

    private static List<String> tools(Statement s) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT slug, community_ships, community_skips, verdict_version FROM tool ORDER BY slug")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getInt(2) + "/" + r.getInt(3) + " v" + r.getLong(4));
            }
        }
        return rows;
    }
}
