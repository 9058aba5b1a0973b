package io.shiporskip.api.platform;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.shiporskip.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A real PostgreSQL database with the buckets' table made by the api's own migration (V7), for tests of the rate
 * limiter without the application: each {@link #pool} is a connection pool of its own, as each api copy has.
 */
public final class LimitsDatabase {

    private final TestDatabase.Coordinates database;

    public LimitsDatabase(String name) {
        this.database = TestDatabase.freshDatabase(name);
        try (AgroalDataSource pool = pool(1); Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                InputStream migration = LimitsDatabase.class.getResourceAsStream("/db/migration/V7__rate_limits.sql")) {
            statement.execute("CREATE SCHEMA catalog; SET search_path TO catalog");
            statement.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not create the buckets' table", e);
        }
    }

    /** A pool of its own (up to {@code size} connections) over the same database. */
    public AgroalDataSource pool(int size) {
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(size)
                            .connectionFactoryConfiguration(factory -> factory.jdbcUrl(database.jdbcUrl())
                                    .principal(new NamePrincipal(database.user()))
                                    .credential(new SimplePassword(database.password())))));
        } catch (SQLException e) {
            throw new IllegalStateException("no pool to " + database.jdbcUrl(), e);
        }
    }

    /** Every bucket forgotten, as an api with fresh buckets. */
    public void forgetBuckets(AgroalDataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE catalog.rate_limit_bucket");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows the buckets take, whatever the limit. */
    public long rows(AgroalDataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                var result = statement.executeQuery("SELECT count(*) FROM catalog.rate_limit_bucket")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows whose id holds {@code text} as is. */
    public long rowsContaining(AgroalDataSource pool, String text) {
        try (Connection connection = pool.getConnection();
                var statement = connection.prepareStatement("SELECT count(*) FROM catalog.rate_limit_bucket WHERE strpos(id, ?) > 0")) {
            statement.setString(1, text);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
