package dev.casekeeper.events;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The application's transaction manager (what Spring Boot would configure), except that transactions
 * begun by event listener work commit with {@code synchronous_commit = off}: PostgreSQL reports the
 * commit before its WAL reaches the disk. Safe for that work and only for it, because a crash loses a
 * suffix of the WAL: a listener's transaction lost with it takes its completion mark along (written
 * after it), so the publication is incomplete and runs again after the restart; listeners are
 * idempotent. Everything else, above all storing mail before answering 250, still waits for the disk.
 * See ADR 0013.
 */
@Configuration(proxyBeanMethods = false)
class ListenerCommits {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource) {
            @Override
            protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
                    throws SQLException {
                super.prepareTransactionalConnection(connection, definition);
                if (ListenerThreads.runningListener() && !definition.isReadOnly()) {
                    try (var statement = connection.createStatement()) {
                        statement.execute("set local synchronous_commit = off");
                    }
                }
            }
        };
    }
}
