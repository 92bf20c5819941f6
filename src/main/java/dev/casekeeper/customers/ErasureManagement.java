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
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's right to have her personal data erased. She asks in the portal; the request waits in
 * a queue agents see; a supervisor approves it (then her name, identities, declared fields,
 * suggestions and the values in her history are anonymised, and every {@link CustomerDataHolder}
 * erases her message bodies and what it keeps about her, in one transaction) or declines it with a
 * note. The request, its reviewer, the time and the counts of what went are the audit trail; the
 * cases themselves stay, without her words.
 */
@Service
@Transactional
public class ErasureManagement {

    private static final Logger log = LoggerFactory.getLogger(ErasureManagement.class);
    private static final int MAX_LISTED = 200;

    private final CustomerManagement customers;
    private final ErasureQueries erasures;
    private final CustomerQueries records;
    private final MergeManagement merges;
    private final List<CustomerDataHolder> holders;
    private final Clock clock;
    private final AuditLog audit;

    ErasureManagement(
            CustomerManagement customers,
            ErasureQueries erasures,
            CustomerQueries records,
            MergeManagement merges,
            List<CustomerDataHolder> holders,
            Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.customers = customers;
        this.erasures = erasures;
        this.records = records;
        this.merges = merges;
        this.holders = holders;
        this.clock = clock;
    }

    /** The customer asks for erasure; asking again while a request is pending returns that one. */
    public ErasureRequest request(CustomerId id, Actor by) {
        if (by.kind() != Actor.Kind.CUSTOMER || !id.value().equals(by.id())) {
            throw new AccessDeniedException("Only the customer herself asks for her data to be erased");
        }
        customers.current(id);
        Instant now = clock.instant();
        var request = erasures.insertOrFindPending(id.value(), now);
        if (request.requestedAt().equals(now)) {
            records.recordHistory(
                    id.value(), by, "erasureRequested", null, request.id().toString(), now);
            log.info("Customer {} asked for erasure ({})", id, request.id());
        }
        return request;
    }

    /** The customer's requests, newest first. */
    @Transactional(readOnly = true)
    public List<ErasureRequest> ofCustomer(CustomerId id) {
        return erasures.ofCustomer(id.value());
    }

    /** The queue: pending requests first, oldest first; then reviewed ones (a state narrows it). */
    @Transactional(readOnly = true)
    public List<ErasureRequest> list(ErasureRequest.@Nullable State state) {
        return erasures.inState(state, MAX_LISTED);
    }

    @Transactional(readOnly = true)
    public ErasureRequest find(UUID id) {
        return erasures.find(id, false).orElseThrow(() -> new NotFoundException("Erasure request", id));
    }

    /**
     * A supervisor approves the request: the customer's personal data and message bodies are
     * anonymised now. Open merge proposals of hers are declined.
     */
    public ErasureRequest approve(UUID id, @Nullable String note, Actor supervisor) {
        var request = pending(id);
        var customer = customers.current(request.customerId());
        for (var merge : merges.proposedFor(customer.id())) {
            merges.decline(merge.id(), "The customer's data was erased", supervisor);
        }
        var ids = records.recordsOf(customer.id().value());
        var erased = new ErasedCustomer(
                customer.id(),
                ids.stream().map(CustomerId::new).collect(java.util.stream.Collectors.toSet()),
                customer.identities());
        var outcome = new TreeMap<String, Integer>();
        for (var holder : holders) {
            holder.erase(erased).forEach((what, count) -> outcome.merge(what, count, Integer::sum));
        }
        Instant now = clock.instant();
        erasures.anonymise(ids, now).forEach((what, count) -> outcome.merge(what, count, Integer::sum));
        erasures.review(id, ErasureRequest.State.APPROVED, reviewer(supervisor), note(note, false), outcome, now);
        records.recordHistory(customer.id().value(), supervisor, "erased", null, id.toString(), now);
        // By id only: the entry outlives the erasure and must hold nothing of hers.
        audit.record(
                AuditKind.CUSTOMER_ERASED,
                supervisor,
                AuditSubject.of("customer", customer.id().value()),
                "Erased customer " + customer.id().value() + " at erasure request " + id + ": " + outcome);
        log.info("Customer {} erased at their request {}: {}", customer.id(), id, outcome);
        return find(id);
    }

    /** A supervisor declines the request, saying why (the customer reads it in the portal). */
    public ErasureRequest decline(UUID id, String note, Actor supervisor) {
        var request = pending(id);
        Instant now = clock.instant();
        erasures.review(id, ErasureRequest.State.DECLINED, reviewer(supervisor), note(note, true), Map.of(), now);
        records.recordHistory(request.customerId().value(), supervisor, "erasureDeclined", null, id.toString(), now);
        log.info("Erasure request {} declined", id);
        return find(id);
    }

    private ErasureRequest pending(UUID id) {
        var request = erasures.find(id, true).orElseThrow(() -> new NotFoundException("Erasure request", id));
        if (request.state() != ErasureRequest.State.PENDING) {
            throw new ConflictException(
                    "erasure-reviewed", "This request was " + request.state().value() + " already");
        }
        return request;
    }

    private static UUID reviewer(Actor supervisor) {
        if (supervisor.kind() != Actor.Kind.AGENT || supervisor.id() == null) {
            throw new AccessDeniedException("Erasure requests are reviewed by supervisors");
        }
        return supervisor.id();
    }

    private static @Nullable String note(@Nullable String note, boolean required) {
        if (note == null || note.isBlank()) {
            if (required) {
                throw new InvalidInputException("note", "say why, for the customer and the audit trail");
            }
            return null;
        }
        if (note.strip().length() > 2000) {
            throw new InvalidInputException("note", "must be at most 2000 characters");
        }
        return note.strip();
    }
}
