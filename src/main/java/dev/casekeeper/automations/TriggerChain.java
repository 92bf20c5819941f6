package dev.casekeeper.automations;

import dev.casekeeper.cases.CaseId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The trigger runs that follow one change, on the thread that made it: a trigger's own changes are
 * published, and react, while it runs, so the chain is the nesting of those calls. It knows which
 * trigger made the change being reacted to (that one does not react to its own change) and counts
 * the runs per case against the cap.
 */
final class TriggerChain {

    private static final ThreadLocal<@Nullable TriggerChain> CURRENT = new ThreadLocal<>();

    private final Deque<UUID> running = new ArrayDeque<>();
    private final Map<CaseId, Integer> runs = new HashMap<>();
    private final Set<CaseId> capped = new HashSet<>();

    /** Runs the work in the current chain, or in a new one that ends with it. */
    static void within(java.util.function.Consumer<TriggerChain> work) {
        var chain = CURRENT.get();
        if (chain != null) {
            work.accept(chain);
            return;
        }
        chain = new TriggerChain();
        CURRENT.set(chain);
        try {
            work.accept(chain);
        } finally {
            CURRENT.remove();
        }
    }

    /** The trigger whose change is being reacted to, if a trigger made it. */
    @Nullable
    UUID cause() {
        return running.peek();
    }

    int runs(CaseId caseId) {
        return runs.getOrDefault(caseId, 0);
    }

    /** Whether this is the first time the case reached the cap in this chain. */
    boolean firstCap(CaseId caseId) {
        return capped.add(caseId);
    }

    void run(UUID trigger, CaseId caseId, Runnable work) {
        runs.merge(caseId, 1, Integer::sum);
        running.push(trigger);
        try {
            work.run();
        } finally {
            running.pop();
        }
    }
}
