package io.shiporskip.api.platform;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while a pooled connection answers within two seconds: an exhausted pool (every connection held) or an
 * unreachable database turns the instance DOWN at once, instead of making the readiness probe wait with everyone else.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    static final Duration WAIT = Duration.ofSeconds(2);

    private final Pool pool;

    public DatabaseReadiness(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .map(rows -> HealthCheckResponse.up("database"))
                .ifNoItem().after(WAIT).recoverWithItem(() -> down("no pooled connection answered within " + WAIT.toSeconds() + " s"))
                .onFailure().recoverWithItem(e -> down("database unreachable"));
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named("database").down().withData("reason", reason).build();
    }
}
