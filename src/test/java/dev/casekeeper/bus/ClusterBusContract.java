package dev.casekeeper.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every cluster bus does, on one node or several: messages reach every subscriber of their
 * topic on every node once, only after the publishing transaction commits and never when it rolls
 * back, and a node that lost its connection tells its subscribers they may have missed messages,
 * then hears again. Messages are published on the first node; "not delivered" is shown by a later
 * message that arrived, since each node hears one node's messages in the order they were sent.
 */
interface ClusterBusContract {

    Duration WAIT = Duration.ofSeconds(20);

    /** The nodes, each with its bus; the first publishes. */
    List<ClusterBus> nodes();

    /** Transactions on the first node. */
    TransactionTemplate transactions();

    JdbcClient jdbc();

    /** Subscriptions made by the current test, ended after it. */
    List<ClusterBus.Subscription> subscriptions();

    @AfterEach
    default void endSubscriptions() {
        subscriptions().forEach(ClusterBus.Subscription::close);
        subscriptions().clear();
    }

    @Test
    default void aMessageReachesEachSubscriberOfItsTopicOnEveryNodeOnce() {
        var topic = newTopic();
        var heard = subscribeOnEveryNode(topic);
        var elsewhere = subscribeOnEveryNode(newTopic());

        nodes().getFirst().publish(topic, "case 1042 changed");
        nodes().getFirst().publish(topic, "marker");

        heard.forEach(r -> r.awaitMessage("marker"));
        heard.forEach(r -> assertThat(r.messages).containsExactly("case 1042 changed", "marker"));
        elsewhere.forEach(r -> assertThat(r.messages).isEmpty());
    }

    @Test
    default void aMessagePublishedInATransactionIsDeliveredOnlyOnceItCommits() throws InterruptedException {
        var topic = newTopic();
        var heard = subscribeOnEveryNode(topic);

        transactions().executeWithoutResult(status -> {
            nodes().getFirst().publish(topic, "written");
            publishFromAnotherThread(topic, "marker");
            heard.forEach(r -> r.awaitMessage("marker"));
            heard.forEach(r -> assertThat(r.messages).containsExactly("marker"));
        });

        heard.forEach(r -> r.awaitMessage("written"));
    }

    @Test
    default void nothingIsDeliveredWhenTheTransactionRollsBack() throws InterruptedException {
        var topic = newTopic();
        var heard = subscribeOnEveryNode(topic);

        transactions().executeWithoutResult(status -> {
            nodes().getFirst().publish(topic, "rolled back");
            status.setRollbackOnly();
        });
        nodes().getFirst().publish(topic, "marker");

        heard.forEach(r -> r.awaitMessage("marker"));
        heard.forEach(r -> assertThat(r.messages).containsExactly("marker"));
    }

    @Test
    default void aMessagePublishedByAnAfterCommitCallbackIsDelivered() {
        var topic = newTopic();
        var heard = subscribeOnEveryNode(topic);

        // What an after-commit event listener does: publish while the transaction completes.
        transactions()
                .executeWithoutResult(status ->
                        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                                nodes().getFirst().publish(topic, "from a listener");
                            }
                        }));

        heard.forEach(r -> r.awaitMessage("from a listener"));
    }

    @Test
    default void aNodeWhoseConnectionDroppedTellsItsSubscribersTheyMayHaveMissedMessagesAndHearsAgain() {
        var topic = newTopic();
        var heard = subscribeOnEveryNode(topic);
        var dropped = (PostgresClusterBus) nodes().getLast();

        int ended = jdbc().sql("""
                        select count(pg_terminate_backend(pid)) from pg_stat_activity
                        where application_name = :name""")
                .param("name", ListenConnection.applicationName(dropped.node()))
                .query(Integer.class)
                .single();

        assertThat(ended).as("the node listens on one connection of its own").isEqualTo(1);
        await().atMost(WAIT).until(() -> heard.getLast().missed.get() == 1);
        nodes().getFirst().publish(topic, "after the drop");
        heard.forEach(r -> r.awaitMessage("after the drop"));
    }

    @Test
    default void aPayloadTooLargeForTheBusIsRefused() {
        assertThatThrownBy(() -> nodes().getFirst().publish(newTopic(), "x".repeat(ClusterBus.MAX_PAYLOAD_BYTES + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void publishFromAnotherThread(Topic topic, String payload) {
        try {
            var thread = Thread.ofVirtual().start(() -> nodes().getFirst().publish(topic, payload));
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Recorder> subscribeOnEveryNode(Topic topic) {
        var recorders = new ArrayList<Recorder>();
        for (var node : nodes()) {
            var recorder = new Recorder();
            subscriptions().add(node.subscribe(topic, recorder));
            recorders.add(recorder);
        }
        return recorders;
    }

    private static Topic newTopic() {
        return new Topic("contract-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A subscriber that remembers what it heard. */
    final class Recorder implements ClusterBus.Subscriber {

        final List<String> messages = new CopyOnWriteArrayList<>();
        final AtomicInteger missed = new AtomicInteger();

        @Override
        public void receive(String payload) {
            messages.add(payload);
        }

        @Override
        public void missedMessages() {
            missed.incrementAndGet();
        }

        void awaitMessage(String payload) {
            await().atMost(WAIT).until(() -> messages.contains(payload));
        }
    }
}
