package dev.casekeeper.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Listener work commits without waiting for the disk and everything else waits (ADR 0013), also on
 * a connection that has just served the other kind of work: the pool hands a thread the connection
 * it used last, so alternating on one thread moves one connection back and forth.
 */
class ListenerCommitsTests extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void listenerWorkCommitsWithoutWaitingAndOtherWorkWaitsOnTheSameConnections() {
        var seen = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            var inListener = new AtomicReference<String>();
            ListenerThreads.run(() -> inListener.set(mode()));
            seen.add("listener:" + inListener.get());
            seen.add("other:" + mode());
        }
        assertThat(seen).containsOnly("listener:off", "other:on").contains("listener:off", "other:on");
    }

    @Test
    void aTransactionOfListenerWorkCommitsWithoutWaitingAndOneThatRollsBackLeavesNoModeBehind() {
        var inside = new AtomicReference<String>();
        ListenerThreads.run(() -> transactions.executeWithoutResult(status -> inside.set(mode())));
        assertThat(inside.get()).isEqualTo("off");

        ListenerThreads.run(() -> transactions.executeWithoutResult(status -> {
            jdbc.execute("set local synchronous_commit = on");
            status.setRollbackOnly();
        }));
        String inTransaction = transactions.execute(status -> mode());
        assertThat(inTransaction).isEqualTo("on");
        assertThat(mode()).isEqualTo("on");
        var after = new AtomicReference<String>();
        ListenerThreads.run(() -> after.set(mode()));
        assertThat(after.get()).isEqualTo("off");
    }

    private String mode() {
        return jdbc.queryForObject("show synchronous_commit", String.class);
    }
}
