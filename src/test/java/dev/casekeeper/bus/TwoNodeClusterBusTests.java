package dev.casekeeper.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.casekeeper.CasekeeperApplication;
import dev.casekeeper.support.ApiTestBase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cluster bus of two nodes on one database: what the first publishes, the second hears. The
 * second node is paused and resumed here too, as the test framework does with cached applications.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeClusterBusTests extends ApiTestBase implements ClusterBusContract {

    @Autowired
    ClusterBus bus;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    private final List<ClusterBus.Subscription> subscriptions = new ArrayList<>();
    private ConfigurableApplicationContext secondNode;

    @BeforeAll
    void startASecondNode() {
        secondNode = new SpringApplicationBuilder(CasekeeperApplication.class)
                .profiles("test")
                .properties("server.port=0")
                .run();
    }

    @AfterAll
    void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Override
    public List<ClusterBus> nodes() {
        return List.of(bus, secondNode.getBean(ClusterBus.class));
    }

    @Override
    public TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public List<ClusterBus.Subscription> subscriptions() {
        return subscriptions;
    }

    /**
     * A pooled connection keeps its {@code LISTEN} when it is given back, so whoever borrows it next
     * would hear the bus: the bus listens on a connection of its own, and a paused node leaves none
     * listening in its pool. Resumed, it tells its subscribers they may have missed messages.
     */
    @Test
    void noPooledConnectionListensWhileANodeRunsNorAfterItWasPausedAndResumed() throws SQLException {
        var pool = secondNode.getBean(DataSource.class).unwrap(HikariDataSource.class);
        var topic = new Topic("pause-" + UUID.randomUUID().toString().substring(0, 8));
        var heard = new ClusterBusContract.Recorder();
        subscriptions.add(secondNode.getBean(ClusterBus.class).subscribe(topic, heard));
        assertThat(channelsHeardByIdleConnections(pool)).isEmpty();

        secondNode.stop();
        assertThat(channelsHeardByIdleConnections(pool)).isEmpty();

        secondNode.start();
        assertThat(channelsHeardByIdleConnections(pool)).isEmpty();
        await().atMost(WAIT).until(() -> heard.missed.get() == 1);
        bus.publish(topic, "after the pause");
        heard.awaitMessage("after the pause");
    }

    /** Borrows every idle connection of the pool at once and asks each what it listens to. */
    private static List<String> channelsHeardByIdleConnections(HikariDataSource pool) throws SQLException {
        int idle = pool.getHikariPoolMXBean().getIdleConnections();
        var borrowed = new ArrayList<Connection>();
        var channels = new ArrayList<String>();
        try {
            for (int i = 0; i < idle; i++) {
                var connection = pool.getConnection();
                borrowed.add(connection);
                try (var statement = connection.createStatement();
                        var result = statement.executeQuery("select pg_listening_channels()")) {
                    while (result.next()) {
                        channels.add(result.getString(1));
                    }
                }
            }
        } finally {
            for (var connection : borrowed) {
                connection.close();
            }
        }
        return channels;
    }
}
