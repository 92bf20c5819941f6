package dev.casekeeper.cases;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One change to many cases at once, from the workspace's lists or the API. Each case changes in a
 * transaction of its own through the same facade as a change to one case, so each is recorded on its
 * own timeline and history, obeys the same rules (what the agent may see, the status transitions,
 * close guards), and a refusal of one leaves the others changed; the answer says exactly which.
 *
 * <p>A change of fields (owner, status, priority, tags) runs on several cases at once: each case's
 * transaction spends much of its time waiting (for the database's answers and the disk at commit),
 * so one case after the other left a core idle and 500 cases took seconds. A merge (all into one
 * case) and spam (which may block the same sender twice) go one case after the other.
 */
@Service
public class BulkChanges {

    private static final Logger log = LoggerFactory.getLogger(BulkChanges.class);

    /** Cases changed at once: enough to keep both cores of a small server busy, few of the pool's connections. */
    private static final int WORKERS = 4;

    private final CaseManagement cases;
    private final CaseRelations relations;
    private final CaseRemovals removals;
    private final CaseQueries queries;
    private final TransactionTemplate transactions;

    BulkChanges(
            CaseManagement cases,
            CaseRelations relations,
            CaseRemovals removals,
            CaseQueries queries,
            TransactionTemplate transactions) {
        this.cases = cases;
        this.relations = relations;
        this.removals = removals;
        this.queries = queries;
        this.transactions = transactions;
    }

    /**
     * Applies the change to each case, in the order given; answers one outcome per case.
     *
     * @throws InvalidInputException when the change lacks what its action needs, names no case or too
     *     many; nothing is changed then
     */
    public List<BulkChange.Outcome> apply(BulkChange change, SignedInAgent by) {
        validate(change);
        var outcomes = switch (change.action()) {
            case ASSIGN, STATUS, PRIORITY, ADD_TAGS, REMOVE_TAGS -> atOnce(change, by);
            case MERGE, SPAM ->
                change.caseIds().stream().map(id -> one(change, id, by)).toList();
        };
        long refused = outcomes.stream().filter(o -> !o.changed()).count();
        log.info(
                "Bulk {} by {}: {} cases changed, {} refused",
                change.action(),
                by.id(),
                outcomes.size() - refused,
                refused);
        return List.copyOf(outcomes);
    }

    /** The outcomes in the order of the cases, each case changed by one of a few workers. */
    private List<BulkChange.Outcome> atOnce(BulkChange change, SignedInAgent by) {
        var ids = change.caseIds();
        var outcomes = new BulkChange.Outcome[ids.size()];
        var next = new AtomicInteger();
        var workers = new ArrayList<Future<?>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < Math.min(WORKERS, ids.size()); w++) {
                workers.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
                        outcomes[i] = one(change, ids.get(i), by);
                    }
                }));
            }
        }
        for (var worker : workers) {
            if (worker.state() == Future.State.FAILED) {
                // As one case after the other would: an unexpected failure fails the request.
                throw worker.exceptionNow() instanceof RuntimeException e
                        ? e
                        : new IllegalStateException(worker.exceptionNow());
            }
        }
        return List.of(outcomes);
    }

    private BulkChange.Outcome one(BulkChange change, CaseId id, SignedInAgent by) {
        try {
            switch (change.action()) {
                case ASSIGN -> cases.assign(id, change.ownerId(), by);
                case STATUS -> cases.change(id, new ChangeCase(change.status(), null, null), by);
                case PRIORITY -> cases.change(id, new ChangeCase(null, change.priority(), null), by);
                case ADD_TAGS, REMOVE_TAGS -> retag(change, id, by);
                case MERGE -> {
                    if (id.equals(change.targetId())) {
                        return new BulkChange.Outcome(id, true, null, null); // the case the others go into
                    }
                    relations.merge(new MergeCases(id, change.targetId(), null), by);
                }
                case SPAM -> removals.markSpam(id, change.blockSender(), by);
            }
            return new BulkChange.Outcome(id, true, null, null);
        } catch (ConflictException e) {
            return new BulkChange.Outcome(id, false, e.code(), e.getMessage());
        } catch (NotFoundException e) {
            return new BulkChange.Outcome(id, false, "not-found", e.getMessage());
        } catch (AccessDeniedException e) {
            return new BulkChange.Outcome(id, false, "forbidden", e.getMessage());
        } catch (InvalidInputException e) {
            return new BulkChange.Outcome(id, false, "invalid-input", e.getMessage());
        }
    }

    /** Adds or removes tags under the case's lock, so a change made meanwhile is not lost. */
    private void retag(BulkChange change, CaseId id, SignedInAgent by) {
        transactions.executeWithoutResult(status -> {
            var kase = CaseVisibility.visible(queries.lock(id.value()).orElse(null), by, id);
            var tags = new LinkedHashSet<>(kase.tags);
            var given = Tags.normalize(change.tags());
            if (change.action() == BulkChange.Action.ADD_TAGS) {
                tags.addAll(given);
            } else {
                given.forEach(tags::remove);
            }
            cases.change(id, new ChangeCase(null, null, List.copyOf(tags)), by);
        });
    }

    private static void validate(BulkChange change) {
        if (change.caseIds().isEmpty()) {
            throw new InvalidInputException("caseIds", "must name at least one case");
        }
        if (change.caseIds().size() > BulkChange.MAX_CASES) {
            throw new InvalidInputException("caseIds", "must name at most " + BulkChange.MAX_CASES + " cases");
        }
        var missing = switch (change.action()) {
            case ASSIGN -> change.ownerId() == null ? "ownerId" : null;
            case STATUS -> change.status() == null ? "status" : null;
            case PRIORITY -> change.priority() == null ? "priority" : null;
            case ADD_TAGS, REMOVE_TAGS -> change.tags() == null || change.tags().isEmpty() ? "tags" : null;
            case MERGE -> change.targetId() == null ? "targetId" : null;
            case SPAM -> null;
        };
        if (missing != null) {
            throw new InvalidInputException(Map.of(
                    missing,
                    "is needed to "
                            + change.action()
                                    .name()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', ' ')));
        }
        if (change.tags() != null) {
            Tags.normalize(change.tags());
        }
    }
}
