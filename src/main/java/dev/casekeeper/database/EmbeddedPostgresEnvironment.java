package dev.casekeeper.database;

import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL before the application context exists and points the standard
 * {@code spring.datasource.*} settings at it, so that Hikari, Flyway and everything else configure
 * themselves exactly as they would against an external database. Setting
 * {@code spring.datasource.url} switches the embedded database off.
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

    private final Log log;

    /** Logging is not set up yet when this runs; a deferred log prints once it is. */
    EmbeddedPostgresEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedPostgresServers.class);
    }

    static final String ACTIVE_DATA_DIR = "casekeeper.embedded-db.active-data-dir";
    private static final java.util.concurrent.atomic.AtomicBoolean SHUTDOWN_HANDLER_ADDED =
            new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")
                || !environment.getProperty("casekeeper.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("casekeeper.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
        boolean durable = environment.getProperty("casekeeper.embedded-db.durable", Boolean.class, true);
        // Any other server setting, e.g. casekeeper.embedded-db.server-config.work_mem=16MB.
        Map<String, String> serverConfig = Binder.get(environment)
                .bind("casekeeper.embedded-db.server-config", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        var server = EmbeddedPostgresServers.acquire(dataDir.resolve("postgres"), durable, serverConfig, log);
        if (SHUTDOWN_HANDLER_ADDED.compareAndSet(false, true)) {
            SpringApplication.getShutdownHandlers().add(EmbeddedPostgresServers::stopAll);
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "casekeeperEmbeddedPostgres",
                        Map.of(
                                "spring.datasource.url",
                                server.jdbcUrl(),
                                "spring.datasource.username",
                                server.username(),
                                "spring.datasource.password",
                                server.password(),
                                ACTIVE_DATA_DIR,
                                server.dataDirectory().toString())));
    }
}
