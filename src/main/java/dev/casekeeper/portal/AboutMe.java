package dev.casekeeper.portal;

import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.DeclaredField;
import dev.casekeeper.customers.Identity;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.customers.Merge;
import dev.casekeeper.customers.SelfField;
import dev.casekeeper.customers.Suggestion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The "About me" page: what the customer declared (or someone else set) about her, the changes
 * agents suggested, her identities, and the merges of her records proposed to her.
 */
record AboutMe(
        Customer customer,
        Map<String, String> values,
        List<Suggestion> suggestions,
        List<Identity> identities,
        List<Proposal> proposals) {

    /** The fields of the form, in its order. */
    static final List<String> FIELDS = List.of(
            Customer.DISPLAY_NAME,
            SelfField.PREFERRED_NAME.key(),
            SelfField.PRONOUNS.key(),
            SelfField.GENDER.key(),
            SelfField.LANGUAGE.key(),
            SelfField.PREFERRED_CHANNEL.key(),
            SelfField.CONTACT_TIMES.key());

    /** The channels she can prefer; stored by these names. */
    static final List<String> CHANNELS = List.of("email", "phone", "chat", "portal");

    /** A merge proposed to her: the other record's email addresses, masked, to send a code to one. */
    record Proposal(UUID mergeId, List<String> maskedEmails) {}

    static AboutMe of(Customer customer, List<Suggestion> suggestions, List<Proposal> proposals) {
        var values = new LinkedHashMap<String, String>();
        values.put(Customer.DISPLAY_NAME, customer.displayName());
        for (var key : FIELDS.subList(1, FIELDS.size())) {
            var field = customer.fields().get(key);
            values.put(key, field == null ? "" : field.value());
        }
        var identities = customer.identities().stream()
                .filter(i -> i.kind() != IdentityKind.CHAT)
                .toList();
        return new AboutMe(customer, values, suggestions, identities, proposals);
    }

    /** Who set a field (or her name): {@code customer}, {@code agent}, {@code system}; null when nobody did. */
    public @Nullable DeclaredField declared(String key) {
        return customer.fields().get(key);
    }

    /** Whether she declared it herself. */
    public boolean hers(String key) {
        var field = declared(key);
        return field != null && field.declaredByCustomer();
    }

    /** The current value is a language without texts (an agent wrote "Portuguese"): offered as it is. */
    public boolean otherLanguage() {
        String value = values.get(SelfField.LANGUAGE.key());
        return !value.isEmpty()
                && PortalLanguages.SUPPORTED.stream()
                        .noneMatch(l -> l.getLanguage().equals(value));
    }

    /** The current value is a channel not in the list: offered as it is. */
    public boolean otherChannel() {
        String value = values.get(SelfField.PREFERRED_CHANNEL.key());
        return !value.isEmpty() && !CHANNELS.contains(value);
    }

    /** "maria@example.com" as "m•••@example.com": enough to recognise her own address, not to learn another's. */
    static String mask(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "•••" : email.charAt(0) + "•••" + email.substring(at);
    }

    static List<String> emails(Customer customer) {
        return customer.identities().stream()
                .filter(i -> i.kind() == IdentityKind.EMAIL)
                .map(Identity::value)
                .sorted()
                .toList();
    }

    static Proposal proposal(Merge merge, Customer other) {
        return new Proposal(
                merge.id().value(), emails(other).stream().map(AboutMe::mask).toList());
    }
}
