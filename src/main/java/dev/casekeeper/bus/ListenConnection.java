package dev.casekeeper.bus;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/**
 * Opens the connection the bus listens on: one of its own, beside the pool, because a pooled
 * connection keeps its {@code LISTEN} when it goes back to the pool, and whoever borrows it next
 * would hear the bus's notifications. It is named after the node in {@code pg_stat_activity}.
 */
@FunctionalInterface
interface ListenConnection {

    Connection open() throws SQLException;

    static ListenConnection to(DataSourceProperties database, UUID node) {
        return () -> {
            var properties = new Properties();
            String user = database.determineUsername();
            String password = database.determinePassword();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            properties.setProperty("ApplicationName", applicationName(node));
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(database.determineUrl(), properties);
        };
    }

    static String applicationName(UUID node) {
        return "casekeeper bus " + node;
    }
}
