package dev.casekeeper.shared;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs statements that may change the words of rows the database otherwise keeps permanent (timeline
 * entries, compliments, complaints, customer history): their triggers let an update through only
 * while the transaction's {@code casekeeper.erasing} setting is on, and only for the text columns.
 * The setting is local to the transaction, so a failure in between cannot leave it on.
 */
public final class Erasing {

    private Erasing() {}

    /** Runs the work with erasing allowed in the current transaction, then forbids it again; its answer. */
    public static <T> T answering(JdbcClient jdbc, Supplier<T> work) {
        set(jdbc, "on");
        T result = work.get();
        set(jdbc, "off");
        return result;
    }

    /** {@link #answering} for work that answers nothing. */
    public static void allowed(JdbcClient jdbc, Runnable work) {
        answering(jdbc, () -> {
            work.run();
            return null;
        });
    }

    private static void set(JdbcClient jdbc, String value) {
        jdbc.sql("select set_config('casekeeper.erasing', :value, true)")
                .param("value", value)
                .query()
                .singleValue();
    }
}
