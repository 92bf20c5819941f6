package dev.casekeeper.customers;

import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The values of a customer's custom fields, stored with the customer by API key, as a case's are
 * with the case: {@code customers} keeps them and finds customers by them; the module that defines
 * the fields checks them before they get here and says how to show them. They are not what the
 * customer declares about herself ({@link SelfField}): agents set them freely. A change is one
 * transaction: the values, one history row per field ({@code custom:<apiKey>}) and a
 * {@link CustomerFieldsChanged}.
 */
@Service
@Transactional
public class CustomerCustomValues {

    /** How a custom field's changes are named in the customer's history, before its API key. */
    public static final String HISTORY_PREFIX = "custom:";

    private final CustomerManagement customers;
    private final CustomerQueries history;
    private final CustomerValueQueries values;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerCustomValues(
            CustomerManagement customers,
            CustomerQueries history,
            CustomerValueQueries values,
            ApplicationEventPublisher events,
            Clock clock) {
        this.customers = customers;
        this.history = history;
        this.values = values;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The stored values of a customer, by API key: strings, numbers ({@link java.math.BigDecimal} for
     * fractions), booleans and lists of strings.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> of(CustomerId id) {
        return values.of(id.value()).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    /** The stored values of several customers (a page of a list), by customer. */
    @Transactional(readOnly = true)
    public Map<CustomerId, Map<String, Object>> of(Collection<CustomerId> ids) {
        var found = new HashMap<CustomerId, Map<String, Object>>();
        values.of(ids.stream().map(CustomerId::value).toList()).forEach((id, v) -> found.put(new CustomerId(id), v));
        return found;
    }

    /**
     * Sets (or, with a null value, clears) values of a customer, recording each line in her history.
     * A record merged into another or erased takes no changes ({@code 409}).
     */
    public void change(CustomerId id, CustomerFieldRules.Checked checked, Actor by) {
        customers.current(id);
        var before = values.lock(id.value()).orElseThrow(() -> new NotFoundException("Customer", id));
        Map<String, Object> set = new HashMap<>();
        var cleared = new ArrayList<String>();
        checked.values().forEach((key, value) -> {
            if (value == null) {
                if (before.containsKey(key)) {
                    cleared.add(key);
                }
            } else if (!Objects.equals(before.get(key), value)) {
                set.put(key, value);
            }
        });
        if (set.isEmpty() && cleared.isEmpty()) {
            return; // what the customer already holds is not a change
        }
        Instant now = clock.instant();
        values.write(id.value(), set, cleared, now);
        for (var line : checked.lines()) {
            if (set.containsKey(line.apiKey()) || cleared.contains(line.apiKey())) {
                history.recordHistory(id.value(), by, HISTORY_PREFIX + line.apiKey(), line.before(), line.after(), now);
            }
        }
        var keys = new HashSet<>(set.keySet());
        keys.addAll(cleared);
        events.publishEvent(new CustomerFieldsChanged(id, keys));
    }

    /**
     * Whether the customer's stored values contain these (as {@link CustomerFieldRules#filter} gives
     * them: a multi-select contains a customer holding that option among others).
     */
    @Transactional(readOnly = true)
    public boolean contain(CustomerId id, Map<String, Object> wanted) {
        return wanted.isEmpty() || values.contain(id.value(), wanted);
    }
}
