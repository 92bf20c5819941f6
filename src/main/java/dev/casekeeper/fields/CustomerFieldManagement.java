package dev.casekeeper.fields;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.customers.CustomerCustomValues;
import dev.casekeeper.customers.CustomerFieldRules;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.shared.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer fields: the fields admins define with {@link FieldSubject#CUSTOMER} (in
 * {@link FieldManagement}, like case fields), filled in by agents on customers, every value checked
 * by its field's type as a case's are. Not what the customer declares about herself: agents set
 * these freely. Every agent reads and sets them, as every agent reads and updates customers.
 */
@Service
@Transactional
public class CustomerFieldManagement {

    private final FieldQueries fields;
    private final FieldManagement definitions;
    private final CustomerCustomValues values;
    private final CustomerManagement customers;
    private final FieldTexts texts;

    CustomerFieldManagement(
            FieldQueries fields,
            FieldManagement definitions,
            CustomerCustomValues values,
            CustomerManagement customers,
            FieldTexts texts) {
        this.fields = fields;
        this.definitions = definitions;
        this.values = values;
        this.customers = customers;
        this.texts = texts;
    }

    /** Every customer field with the customer's value, in the fields' order. */
    @Transactional(readOnly = true)
    public List<FieldValue> valuesOf(CustomerId id) {
        var stored = values.of(id);
        return fields.all(FieldSubject.CUSTOMER).stream()
                .map(f -> definitions.value(f, stored.get(f.apiKey())))
                .toList();
    }

    /**
     * Sets values of a customer by API key (a null or blank value clears it), recorded in her
     * history as {@code by}. Every value is checked first: one that does not fit refuses them all,
     * naming each, and changes nothing.
     */
    public List<FieldValue> set(CustomerId id, Map<String, @Nullable Object> given, SignedInAgent by) {
        values.change(id, check(given, values.of(id)), by.actor());
        return valuesOf(id);
    }

    /**
     * A filter on customer fields (values as text, by API key) as the stored values a customer must
     * contain.
     *
     * @throws InvalidInputException naming an unknown field or a value not of its type
     */
    @Transactional(readOnly = true)
    public Map<String, Object> filter(Map<String, String> given) {
        return ValueChecks.containment(fields.all(FieldSubject.CUSTOMER), given, "is not a custom field of customers");
    }

    /**
     * {@link #filter} for values saved earlier (an SLA policy's conditions): empty when a field is
     * gone or a value no longer fits it, instead of a refusal.
     */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> filterIfValid(Map<String, String> given) {
        try {
            return Optional.of(filter(given));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /** The changes of the customer's custom fields, newest first, named as the fields are named now. */
    @Transactional(readOnly = true)
    public List<FieldChange> history(CustomerId id) {
        var names = new HashMap<String, String>();
        fields.all(FieldSubject.CUSTOMER).forEach(f -> names.put(f.apiKey(), f.name()));
        return customers.history(id).stream()
                .filter(c -> c.field().startsWith(CustomerCustomValues.HISTORY_PREFIX))
                .map(c -> {
                    String key = c.field().substring(CustomerCustomValues.HISTORY_PREFIX.length());
                    return new FieldChange(key, names.getOrDefault(key, key), c.before(), c.after(), c.actor(), c.at());
                })
                .toList()
                .reversed();
    }

    /** The values to store and the history's lines, or the refusal of every value that does not fit. */
    CustomerFieldRules.Checked check(Map<String, @Nullable Object> given, Map<String, Object> before) {
        var checked = ValueChecks.check(
                fields.all(FieldSubject.CUSTOMER), given, before, texts, "is not a custom field of customers");
        return new CustomerFieldRules.Checked(
                checked.values(),
                checked.changes().stream()
                        .map(c -> new CustomerFieldRules.Line(c.field().apiKey(), c.before(), c.after()))
                        .toList());
    }
}
