package dev.casekeeper.events;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Connections handed to event listener work commit with {@code synchronous_commit = off}: PostgreSQL
 * reports the commit before its WAL reaches the disk. Safe for that work and only for it, because a
 * crash loses a suffix of the WAL: a listener's transaction lost with it takes its completion mark
 * along (written after it), so the publication is incomplete and runs again after the restart;
 * listeners are idempotent. Every other connection waits for the disk, above all the one that stores
 * mail before answering 250. See ADR 0013.
 */
@Configuration(proxyBeanMethods = false)
class ListenerCommits {

    @Bean
    static BeanPostProcessor listenerCommitsDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof CommitModes)
                        ? new CommitModes(dataSource)
                        : bean;
            }
        };
    }

    /**
     * The application's data source, setting each connection's commit mode for the thread that takes
     * it. The mode is the session's, set outside any transaction when a connection moves between
     * listener work and other work; the pool hands a thread the connection it used last when it can,
     * so that is rare. (Before, every transaction of listener work began with {@code SET LOCAL}, a
     * round trip of its own: seven or so for each email received.)
     */
    static final class CommitModes extends DelegatingDataSource implements Closeable {

        /** Each physical connection's session: true when it commits without waiting; absent when not known. */
        private final Map<PGConnection, Boolean> asynchronous = Collections.synchronizedMap(new WeakHashMap<>());

        CommitModes(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return prepared(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return prepared(super.getConnection(username, password));
        }

        private Connection prepared(Connection connection) throws SQLException {
            try {
                boolean wanted = ListenerThreads.runningListener();
                if (!connection.isWrapperFor(PGConnection.class)) {
                    return connection;
                }
                var physical = connection.unwrap(PGConnection.class);
                Boolean known = asynchronous.get(physical);
                if (known == null || known != wanted) {
                    try (var statement = connection.createStatement()) {
                        statement.execute("set synchronous_commit = " + (wanted ? "off" : "on"));
                    }
                    // Only outside a transaction is the setting the session's for good: one that
                    // rolls back takes its SET with it, so inside one the mode stays unknown and is
                    // set again next time.
                    if (connection.getAutoCommit()) {
                        asynchronous.put(physical, wanted);
                    } else {
                        asynchronous.remove(physical);
                    }
                }
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            if (getTargetDataSource() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        }
    }
}
