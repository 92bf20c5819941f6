package dev.casekeeper.bus;

import dev.casekeeper.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The cluster bus of a node alone on its database: it hears its own messages. */
class OneNodeClusterBusTests extends ApiTestBase implements ClusterBusContract {

    @Autowired
    ClusterBus bus;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    private final List<ClusterBus.Subscription> subscriptions = new ArrayList<>();

    @Override
    public List<ClusterBus> nodes() {
        return List.of(bus);
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
}
