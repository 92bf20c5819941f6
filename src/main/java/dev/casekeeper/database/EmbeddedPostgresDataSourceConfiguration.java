package dev.casekeeper.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection pool to the embedded PostgreSQL. It is the pool that releases the server when it
 * closes, so the server stops only after every connection to it is gone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(EmbeddedPostgresEnvironment.ACTIVE_DATA_DIR)
class EmbeddedPostgresDataSourceConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(
            DataSourceProperties properties,
            @Value("${" + EmbeddedPostgresEnvironment.ACTIVE_DATA_DIR + "}") String dataDirectory) {
        var dataSource = new EmbeddedPostgresDataSource(Path.of(dataDirectory));
        dataSource.setJdbcUrl(properties.determineUrl());
        dataSource.setUsername(properties.determineUsername());
        dataSource.setPassword(properties.determinePassword());
        return dataSource;
    }

    static final class EmbeddedPostgresDataSource extends HikariDataSource {

        private final Path dataDirectory;
        private final java.util.concurrent.atomic.AtomicBoolean released =
                new java.util.concurrent.atomic.AtomicBoolean();

        EmbeddedPostgresDataSource(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                if (released.compareAndSet(false, true)) {
                    EmbeddedPostgresServers.release(dataDirectory);
                }
            }
        }
    }
}
