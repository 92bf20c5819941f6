package dev.casekeeper.customers;

import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggested changes: what an agent does instead of changing what a customer declared about herself.
 * The customer sees each pending suggestion in the portal and accepts it (then the value is hers,
 * as if she had typed it) or declines it. A newer suggestion for the same field replaces a pending one.
 */
@Service
@Transactional
public class SuggestionManagement {

    private static final Logger log = LoggerFactory.getLogger(SuggestionManagement.class);
    private static final int MAX_LISTED = 50;

    private final CustomerManagement customers;
    private final SuggestionQueries suggestions;
    private final CustomerQueries records;
    private final Clock clock;

    SuggestionManagement(
            CustomerManagement customers, SuggestionQueries suggestions, CustomerQueries records, Clock clock) {
        this.customers = customers;
        this.suggestions = suggestions;
        this.records = records;
        this.clock = clock;
    }

    /**
     * An agent suggests a value for one of the fields the customer declares (her display name
     * included), whether or not she has declared it yet.
     *
     * @param field a {@link SelfField#key()} or {@link Customer#DISPLAY_NAME}
     * @throws InvalidInputException for an unknown field, a blank or long value, or the value it has
     */
    public Suggestion suggest(CustomerId id, String field, String value, Actor by) {
        if (by.kind() != Actor.Kind.AGENT || by.id() == null) {
            throw new AccessDeniedException("Only agents suggest changes to what a customer declared");
        }
        if (!Customer.DISPLAY_NAME.equals(field) && SelfField.fromKey(field).isEmpty()) {
            throw new InvalidInputException("field", "is not a field customers declare");
        }
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException("value", "must not be blank");
        }
        if (stripped.length() > 200) {
            throw new InvalidInputException("value", "must be at most 200 characters");
        }
        var customer = customers.current(id);
        String current = Customer.DISPLAY_NAME.equals(field)
                ? customer.displayName()
                : customer.fields().containsKey(field)
                        ? customer.fields().get(field).value()
                        : null;
        if (stripped.equals(current)) {
            throw new InvalidInputException("value", "is what the customer's " + field + " already is");
        }
        var suggestionId = UUID.randomUUID();
        Instant now = clock.instant();
        suggestions.insert(suggestionId, id.value(), field, stripped, by.id(), now);
        records.recordHistory(id.value(), by, "suggested." + field, current, stripped, now);
        log.info("Agent {} suggested a change of {} to customer {}", by.id(), field, id);
        return suggestions.ofCustomer(id.value(), 1).getFirst();
    }

    /** The customer's suggestions, newest first: pending, accepted, declined and superseded. */
    @Transactional(readOnly = true)
    public List<Suggestion> ofCustomer(CustomerId id) {
        customers.find(id);
        return suggestions.ofCustomer(id.value(), MAX_LISTED);
    }

    /** The customer's pending suggestions, newest first. */
    @Transactional(readOnly = true)
    public List<Suggestion> pending(CustomerId id) {
        return suggestions.ofCustomer(id.value(), MAX_LISTED).stream()
                .filter(Suggestion::pending)
                .toList();
    }

    /**
     * The customer accepts a suggestion made to her: the value becomes hers, declared by her.
     *
     * @throws NotFoundException when it is not a pending suggestion to this customer
     */
    public Customer accept(CustomerId customer, UUID suggestionId) {
        var suggestion = mine(customer, suggestionId);
        var change = Customer.DISPLAY_NAME.equals(suggestion.field())
                ? new ChangeCustomer(suggestion.value(), Map.of())
                : new ChangeCustomer(null, Map.of(suggestion.field(), suggestion.value()));
        var changed = customers.change(customer, change, Actor.customer(customer.value()));
        suggestions.answer(suggestionId, Suggestion.State.ACCEPTED, clock.instant());
        log.info("Customer {} accepted suggestion {}", customer, suggestionId);
        return changed;
    }

    /** The customer declines a suggestion made to her; nothing of hers changes. */
    public void decline(CustomerId customer, UUID suggestionId) {
        var suggestion = mine(customer, suggestionId);
        Instant now = clock.instant();
        suggestions.answer(suggestionId, Suggestion.State.DECLINED, now);
        records.recordHistory(
                customer.value(),
                Actor.customer(customer.value()),
                "declined." + suggestion.field(),
                null,
                suggestion.value(),
                now);
        log.info("Customer {} declined suggestion {}", customer, suggestionId);
    }

    private Suggestion mine(CustomerId customer, UUID suggestionId) {
        return suggestions
                .pending(customer.value(), suggestionId)
                .orElseThrow(() -> new NotFoundException("Suggestion", suggestionId));
    }
}
