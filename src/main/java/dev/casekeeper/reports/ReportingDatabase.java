package dev.casekeeper.reports;

import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate readOnly;
    private final String workMem;

    ReportingDatabase(DataSource primary, ReportsSettings settings) {
        var replicaSettings = settings.datasource();
        this.workMem = settings.workMem();
        if (replicaSettings.url() == null || replicaSettings.url().isBlank()) {
            this.replica = null;
            this.reads = JdbcClient.create(primary);
            this.readOnly = readOnly(primary);
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
            this.readOnly = readOnly(pool);
            log.info("Reports read from the replica at {}", replicaSettings.url());
        }
    }

    /** The client reports read through. */
    JdbcClient reads() {
        return reads;
    }

    /**
     * Runs a report's reads in one read-only transaction with {@code casekeeper.reports.work-mem}: the
     * percentiles of a year's cases sort hundreds of thousands of rows, which spill to disk at the
     * server's default (4 MB). Within a transaction already open on the same database it joins that one.
     */
    <T> T read(Supplier<T> reads) {
        return readOnly.execute(status -> {
            this.reads
                    .sql("select set_config('work_mem', :workMem, true)")
                    .param("workMem", workMem)
                    .query()
                    .singleValue();
            return reads.get();
        });
    }

    private static TransactionTemplate readOnly(DataSource source) {
        var template = new TransactionTemplate(new JdbcTransactionManager(source));
        template.setReadOnly(true);
        return template;
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
