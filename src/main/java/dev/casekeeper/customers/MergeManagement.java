package dev.casekeeper.customers;

import dev.casekeeper.audit.AuditKind;
import dev.casekeeper.audit.AuditLog;
import dev.casekeeper.audit.AuditSubject;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging two records of one customer (the chat visitor and the email customer, say). An agent
 * proposes it; it completes when the customer proves in the portal that she holds an identity of
 * each record, or when a supervisor confirms it with a reason. Completing moves the source's
 * identities, the fields the target lacks, her cases and chats (every {@link CustomerDataHolder})
 * and, in what {@link CustomerManagement#history} shows, her history to the target; the source
 * stays as an empty record pointing to the target. A supervisor can undo it, with a reason: what
 * moved moves back. Every step is in the merge's audit trail.
 */
@Service
@Transactional
public class MergeManagement {

    private static final Logger log = LoggerFactory.getLogger(MergeManagement.class);
    private static final int MAX_LISTED = 200;
    private static final int MAX_TEXT = 2000;

    private final CustomerManagement customers;
    private final MergeQueries merges;
    private final CustomerQueries records;
    private final MergeMoves moves;
    private final Clock clock;
    private final AuditLog audit;

    MergeManagement(
            CustomerManagement customers,
            MergeQueries merges,
            CustomerQueries records,
            MergeMoves moves,
            Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.customers = customers;
        this.merges = merges;
        this.records = records;
        this.moves = moves;
        this.clock = clock;
    }

    /**
     * An agent proposes merging {@code source} into {@code target}.
     *
     * @throws InvalidInputException when the two are one record, or the note is too long
     * @throws ConflictException when either record was merged or erased, or a proposal joining them is open
     */
    public Merge propose(CustomerId source, CustomerId target, @Nullable String note, Actor by) {
        if (source.equals(target)) {
            throw new InvalidInputException("targetId", "a record cannot be merged into itself");
        }
        String text = optional(note, "note");
        customers.current(source);
        customers.current(target);
        if (merges.openBetween(source.value(), target.value()).isPresent()) {
            throw new ConflictException("merge-proposed", "A merge of these two records is already proposed");
        }
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        merges.insert(id, source.value(), target.value(), text, by, now);
        merges.event(id, Merge.State.PROPOSED, by, text, now);
        log.info("Merge {} of customer {} into {} proposed", id, source, target);
        return find(new MergeId(id));
    }

    /**
     * A supervisor confirms a proposed merge, with the reason recorded in its audit trail.
     *
     * @throws InvalidInputException when the reason is blank
     * @throws ConflictException when it is not proposed (any more)
     */
    public Merge confirm(MergeId id, String reason, Actor supervisor) {
        String why = required(reason, "reason");
        var merge = locked(id);
        if (merge.state() != Merge.State.PROPOSED) {
            throw notProposed(merge);
        }
        complete(merge, supervisor, why);
        return find(id);
    }

    /**
     * The customer, signed in as {@code signedIn}, has just proved she holds an identity of {@code
     * other}: completes the open proposal joining the two records, if there is one.
     */
    public Optional<Merge> completeByCustomer(CustomerId signedIn, CustomerId other) {
        var open = merges.openBetween(signedIn.value(), other.value());
        if (open.isEmpty()) {
            return Optional.empty();
        }
        complete(
                open.get(),
                Actor.customer(signedIn.value()),
                "The customer proved she holds an identity of each record");
        return Optional.of(find(new MergeId(open.get().id())));
    }

    /**
     * Merges a record into another at once, on the customer's proof that both are hers (a chat
     * visitor opening the link mailed to an address another record has): proposed and completed by
     * her in one step.
     */
    public Merge mergeProvenByCustomer(CustomerId source, CustomerId target, String reason) {
        var open = merges.openBetween(source.value(), target.value());
        if (open.isPresent()) {
            complete(open.get(), Actor.customer(source.value()), reason);
            return find(new MergeId(open.get().id()));
        }
        var proposed = propose(source, target, null, Actor.customer(source.value()));
        complete(merges.find(proposed.id().value(), true).orElseThrow(), Actor.customer(source.value()), reason);
        return find(proposed.id());
    }

    /** An agent declines (or withdraws) a proposed merge; nothing moves. */
    public Merge decline(MergeId id, @Nullable String reason, Actor by) {
        String why = optional(reason, "reason");
        var merge = locked(id);
        if (merge.state() != Merge.State.PROPOSED) {
            throw notProposed(merge);
        }
        Instant now = clock.instant();
        merges.setState(merge.id(), Merge.State.DECLINED, null, now);
        merges.event(merge.id(), Merge.State.DECLINED, by, why, now);
        log.info("Merge {} declined", id);
        return find(id);
    }

    /**
     * A supervisor undoes a completed merge, with a reason: the identities, fields, cases and chats
     * that moved go back to the source record, which stands on its own again. What reached the
     * target after the merge (a new case from a moved address, say) stays with the target.
     *
     * @throws ConflictException when it is not completed, or the target has itself been merged or erased since
     */
    public Merge undo(MergeId id, String reason, Actor supervisor) {
        String why = required(reason, "reason");
        var merge = locked(id);
        if (merge.state() != Merge.State.COMPLETED) {
            throw new ConflictException(
                    "merge-not-completed",
                    "Only a completed merge can be undone; this one is "
                            + merge.state().value());
        }
        merges.lockCustomers(merge.source(), merge.target());
        var target = customers.find(new CustomerId(merge.target()));
        if (target.mergedInto() != null || target.erasedAt() != null) {
            throw new ConflictException(
                    "merge-not-undoable",
                    "The record this merge went into was merged or erased since; undo that first");
        }
        Instant now = clock.instant();
        moves.undo(merge, supervisor, now);
        merges.setState(merge.id(), Merge.State.UNDONE, null, now);
        merges.event(merge.id(), Merge.State.UNDONE, supervisor, why, now);
        audit.record(
                AuditKind.CUSTOMER_MERGE_UNDONE,
                supervisor,
                AuditSubject.of("customer", merge.source()),
                "Undid the merge of customer " + merge.source() + " into customer " + merge.target() + " (merge "
                        + merge.id() + ")");
        log.info("Merge {} of customer {} into {} undone", id, merge.source(), merge.target());
        return find(id);
    }

    @Transactional(readOnly = true)
    public Merge find(MergeId id) {
        var row = merges.find(id.value(), false).orElseThrow(() -> new NotFoundException("Merge", id));
        return assemble(List.of(row)).getFirst();
    }

    /** Merges in a state (any state when null), most recently changed first. */
    @Transactional(readOnly = true)
    public List<Merge> list(Merge.@Nullable State state) {
        return assemble(merges.inState(state, MAX_LISTED));
    }

    /** The merges a record took part in, as source or target, most recently changed first. */
    @Transactional(readOnly = true)
    public List<Merge> ofCustomer(CustomerId id) {
        return assemble(merges.ofCustomer(id.value(), MAX_LISTED));
    }

    /** The open proposals a customer's record is part of: what she can complete in the portal. */
    @Transactional(readOnly = true)
    public List<Merge> proposedFor(CustomerId id) {
        return ofCustomer(id).stream()
                .filter(m -> m.state() == Merge.State.PROPOSED)
                .toList();
    }

    private void complete(MergeQueries.Row merge, Actor by, String reason) {
        merges.lockCustomers(merge.source(), merge.target());
        var source = customers.current(new CustomerId(merge.source()));
        var target = customers.current(new CustomerId(merge.target()));
        if (by.kind() == Actor.Kind.CUSTOMER
                && by.id() != null
                && !by.id().equals(source.id().value())
                && !by.id().equals(target.id().value())) {
            throw new AccessDeniedException("A customer completes only a merge of her own records");
        }
        Instant now = clock.instant();
        String moved = moves.apply(merge, by, now);
        merges.setState(merge.id(), Merge.State.COMPLETED, moved, now);
        merges.event(merge.id(), Merge.State.COMPLETED, by, reason, now);
        records.touch(merge.target(), now);
        audit.record(
                AuditKind.CUSTOMERS_MERGED,
                by,
                AuditSubject.of("customer", merge.source()),
                "Merged customer " + merge.source() + " into customer " + merge.target() + " (merge " + merge.id()
                        + ")");
        log.info("Merge {} of customer {} into {} completed", merge.id(), merge.source(), merge.target());
    }

    private MergeQueries.Row locked(MergeId id) {
        return merges.find(id.value(), true).orElseThrow(() -> new NotFoundException("Merge", id));
    }

    private List<Merge> assemble(List<MergeQueries.Row> rows) {
        var trails = merges.trails(rows.stream().map(MergeQueries.Row::id).toList());
        return rows.stream()
                .map(row -> new Merge(
                        new MergeId(row.id()),
                        new CustomerId(row.source()),
                        new CustomerId(row.target()),
                        row.state(),
                        row.note(),
                        row.proposedBy(),
                        row.proposedAt(),
                        row.updatedAt(),
                        trails.getOrDefault(row.id(), List.of())))
                .toList();
    }

    private static ConflictException notProposed(MergeQueries.Row merge) {
        return new ConflictException(
                "merge-not-proposed", "This merge is " + merge.state().value() + ", no longer proposed");
    }

    private static String required(@Nullable String text, String field) {
        String stripped = optional(text, field);
        if (stripped == null) {
            throw new InvalidInputException(field, "say why: it is kept in the audit trail");
        }
        return stripped;
    }

    private static @Nullable String optional(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "must be at most " + MAX_TEXT + " characters");
        }
        return stripped;
    }
}
