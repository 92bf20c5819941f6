package dev.casekeeper.automations;

import dev.casekeeper.cases.CaseCustomValues;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.EntryKind;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What conditions test, read from the case as it stands when a trigger looks: its fields at once,
 * custom fields, the customer (what she declared, and her custom fields) and the text of its latest
 * customer message only when a condition asks for them (most triggers never do).
 */
final class CaseFacts {

    /**
     * A custom field of the case's customer, by API key. Self-declared keys hold no dot, so
     * {@code customer.<key>} and this never name the same thing.
     */
    static final String CUSTOMER_CUSTOM = "customer.custom.";

    private final CaseSummary kase;
    private final CaseLookup lookup;
    private final CaseCustomValues customValues;
    private final CustomerFacts customers;
    private final Calendars calendars;
    private @Nullable Map<String, Object> custom;
    private @Nullable Map<String, String> customer;
    private @Nullable Map<String, Object> customerCustom;
    private @Nullable String text;

    CaseFacts(
            CaseSummary kase,
            CaseLookup lookup,
            CaseCustomValues customValues,
            CustomerFacts customers,
            Calendars calendars) {
        this.kase = kase;
        this.lookup = lookup;
        this.customValues = customValues;
        this.customers = customers;
        this.calendars = calendars;
    }

    CaseSummary kase() {
        return kase;
    }

    /** The values a field has: one for most, several for tags and multi-selects, none when empty. */
    List<String> values(String field) {
        return switch (field) {
            case "channel" -> List.of(kase.channel().value());
            case "team" ->
                kase.teamId() == null ? List.of() : List.of(kase.teamId().toString());
            case "owner" ->
                kase.ownerId() == null ? List.of() : List.of(kase.ownerId().toString());
            case "priority" -> List.of(kase.priority().value());
            case "status" -> List.of(kase.status().value());
            case "tags" -> kase.tags();
            case "text" -> List.of(text());
            default -> {
                if (field.startsWith("custom.")) {
                    yield list(custom().get(field.substring("custom.".length())));
                }
                if (field.startsWith("calendar.")) {
                    yield List.of(calendars.openNow(field.substring("calendar.".length())) ? "open" : "closed");
                }
                if (field.startsWith(CUSTOMER_CUSTOM)) {
                    yield list(customerCustom().get(field.substring(CUSTOMER_CUSTOM.length())));
                }
                if (field.startsWith("customer.")) {
                    var value = customer().get(field.substring("customer.".length()));
                    yield value == null ? List.of() : List.of(value);
                }
                yield List.of();
            }
        };
    }

    private Map<String, Object> custom() {
        if (custom == null) {
            custom = customValues.of(kase.id());
        }
        return custom;
    }

    private Map<String, String> customer() {
        if (customer == null) {
            customer = customers.declared(kase.requesterId());
        }
        return customer;
    }

    private Map<String, Object> customerCustom() {
        if (customerCustom == null) {
            customerCustom = customers.custom(kase.requesterId());
        }
        return customerCustom;
    }

    /** The subject and the latest message from the customer. */
    private String text() {
        if (text == null) {
            var latest = lookup.outline(kase.id()).timeline().reversed().stream()
                    .filter(e -> e.kind() == EntryKind.MESSAGE_IN)
                    .map(e -> Objects.requireNonNullElse(e.bodyText(), ""))
                    .findFirst()
                    .orElse("");
            text = kase.subject() + "\n" + latest;
        }
        return text;
    }

    private static List<String> list(@Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
