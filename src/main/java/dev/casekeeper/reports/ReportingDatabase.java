package dev.casekeeper.reports;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where reports read: a read replica when {@code casekeeper.reports.datasource.url} is set, else the
 * primary database. The replica's pool is this class's own and no bean, so the application's one
 * {@link DataSource} stays the primary for everything else. Facts are always written to the primary.
 */
@Component
class ReportingDatabase implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReportingDatabase.class);

    private final JdbcClient reads;
    private final @Nullable HikariDataSource replica;

    ReportingDatabase(DataSource primary, ReportsSettings settings) {
        var replicaSettings = settings.datasource();
        if (replicaSettings.url() == null || replicaSettings.url().isBlank()) {
            this.replica = null;
            this.reads = JdbcClient.create(primary);
        } else {
            var pool = new HikariDataSource();
            pool.setPoolName("reports-replica");
            pool.setJdbcUrl(replicaSettings.url());
            pool.setUsername(replicaSettings.username());
            pool.setPassword(replicaSettings.password());
            pool.setReadOnly(true);
            pool.setMaximumPoolSize(4);
            this.replica = pool;
            this.reads = JdbcClient.create(pool);
            log.info("Reports read from the replica at {}", replicaSettings.url());
        }
    }

    /** The client reports read through. */
    JdbcClient reads() {
        return reads;
    }

    boolean readsFromReplica() {
        return replica != null;
    }

    @Override
    public void destroy() {
        if (replica != null) {
            replica.close();
        }
    }
}
