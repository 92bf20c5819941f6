package dev.casekeeper.customers;

import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.Cursor;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.Slice;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers: who they are, how to reach them, and what they have said about themselves. */
@Service
@Transactional
public class CustomerManagement {

    private static final Logger log = LoggerFactory.getLogger(CustomerManagement.class);

    private final CustomerQueries customers;
    private final CustomerTagQueries customerTags;
    private final CustomerValueQueries values;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerManagement(
            CustomerQueries customers,
            CustomerTagQueries customerTags,
            CustomerValueQueries values,
            ApplicationEventPublisher events,
            Clock clock) {
        this.customers = customers;
        this.customerTags = customerTags;
        this.values = values;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The customer who owns this email address, created (with the given display name) when nobody
     * does yet. Safe under concurrent calls for the same new address: both get the same customer.
     */
    public CustomerId identifyByEmail(String email, @Nullable String displayName) {
        String address = IdentityValues.email(email);
        var existing = customers.findOwner(IdentityKind.EMAIL, address);
        if (existing.isPresent()) {
            return new CustomerId(existing.get());
        }
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        customers.insertCustomer(id, displayNameOr(displayName, address), now);
        UUID owner = customers.insertIdentityOrFindOwner(id, IdentityKind.EMAIL, address, false, now);
        if (!owner.equals(id)) {
            // Another request created this customer first; drop the one made here.
            customers.deleteCustomer(id);
        }
        return new CustomerId(owner);
    }

    /**
     * The customer who owns this phone number, created (with the given display name) when nobody does
     * yet: a walk-in at the counter who left a number. Safe under concurrent calls like {@link #identifyByEmail}.
     */
    public CustomerId identifyByPhone(String phone, String displayName) {
        String number = IdentityValues.phone(phone, "phone");
        var existing = customers.findOwner(IdentityKind.PHONE, number);
        if (existing.isPresent()) {
            return new CustomerId(existing.get());
        }
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        customers.insertCustomer(id, displayNameOr(displayName, number), now);
        UUID owner = customers.insertIdentityOrFindOwner(id, IdentityKind.PHONE, number, false, now);
        if (!owner.equals(id)) {
            customers.deleteCustomer(id);
        }
        return new CustomerId(owner);
    }

    /**
     * A walk-in at the counter who gave only a first name: a new customer with no identity, whom
     * nothing recognises again (an agent may add an email or phone later, or merge the record).
     */
    public CustomerId identifyWalkIn(String displayName) {
        var id = UUID.randomUUID();
        customers.insertCustomer(id, displayName.strip(), clock.instant());
        return new CustomerId(id);
    }

    /**
     * The customer behind a chat visitor (the digest of the visitor's browser token), created with
     * the given display name the first time. Safe under concurrent calls like {@link #identifyByEmail}.
     */
    public CustomerId identifyChatVisitor(String visitorDigest, String displayName) {
        String digest = IdentityValues.chatVisitor(visitorDigest, "visitor");
        var existing = customers.findOwner(IdentityKind.CHAT, digest);
        if (existing.isPresent()) {
            return new CustomerId(existing.get());
        }
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        customers.insertCustomer(id, displayName.strip(), now);
        UUID owner = customers.insertIdentityOrFindOwner(id, IdentityKind.CHAT, digest, false, now);
        if (!owner.equals(id)) {
            customers.deleteCustomer(id);
        }
        return new CustomerId(owner);
    }

    /** Adds a customer. Every email and phone must be free; fields set here are recorded as set by the actor. */
    public Customer create(CreateCustomer command, Actor actor) {
        if (command.emails().isEmpty() && command.phones().isEmpty()) {
            throw new InvalidInputException("emails", "a customer needs at least one email address or phone number");
        }
        var identities = new ArrayList<Identity>();
        for (int i = 0; i < command.emails().size(); i++) {
            identities.add(new Identity(
                    IdentityKind.EMAIL, IdentityValues.email(command.emails().get(i), "emails[" + i + "]"), false));
        }
        for (int i = 0; i < command.phones().size(); i++) {
            identities.add(new Identity(
                    IdentityKind.PHONE, IdentityValues.phone(command.phones().get(i), "phones[" + i + "]"), false));
        }
        var fields = parseFields(command.fields());
        for (var identity : identities) {
            if (customers.findOwner(identity.kind(), identity.value()).isPresent()) {
                throw identityTaken(identity.kind(), identity.value());
            }
        }
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        String name = command.displayName().isBlank()
                ? identities.getFirst().value()
                : command.displayName().strip();
        customers.insertCustomer(id, name, now);
        for (var identity : identities) {
            if (!customers
                    .insertIdentityOrFindOwner(id, identity.kind(), identity.value(), false, now)
                    .equals(id)) {
                throw identityTaken(identity.kind(), identity.value());
            }
        }
        fields.forEach((field, value) -> {
            if (!value.isEmpty()) {
                customers.putField(id, field.key(), value, actor, now);
            }
        });
        log.info("Customer {} created", id);
        return find(new CustomerId(id));
    }

    @Transactional(readOnly = true)
    public Customer find(CustomerId id) {
        return findAll(List.of(id)).stream().findFirst().orElseThrow(() -> new NotFoundException("Customer", id));
    }

    /**
     * One field the customer declared about themselves (their language, the name they go by), or
     * empty: for a caller that needs just that, without reading the whole customer.
     */
    @Transactional(readOnly = true)
    public Optional<DeclaredField> declaredField(CustomerId id, String field) {
        return customers.field(id.value(), field);
    }

    /** Customers by id, in the order asked; unknown ids are left out. */
    @Transactional(readOnly = true)
    public List<Customer> findAll(Collection<CustomerId> ids) {
        var byId = new java.util.HashMap<UUID, CustomerQueries.Row>();
        customers
                .findAll(ids.stream().map(CustomerId::value).distinct().toList())
                .forEach(row -> byId.put(row.id(), row));
        var rows = new ArrayList<CustomerQueries.Row>();
        for (var id : ids) {
            var row = byId.get(id.value());
            if (row != null) {
                rows.add(row);
            }
        }
        return assemble(rows);
    }

    /**
     * Customers whose name or email address matches {@code q} (part of it, or a name spelt a little
     * differently), best matches first: for searches in other modules, such as the case lists.
     */
    @Transactional(readOnly = true)
    public List<CustomerId> matching(String q, int limit) {
        if (q.isBlank()) {
            return List.of();
        }
        return customers.matching(q.strip(), limit).stream()
                .map(CustomerId::new)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Customer> findByIdentity(IdentityKind kind, String value) {
        return customers
                .findOwner(kind, IdentityValues.normalize(kind, value, kind.value()))
                .map(id -> find(new CustomerId(id)));
    }

    /** Customers whose name, email or phone contains {@code q} (any customer when null), newest first. */
    @Transactional(readOnly = true)
    public Slice<Customer> search(@Nullable String q, @Nullable String cursor, int limit) {
        return search(q, Map.of(), cursor, limit);
    }

    /**
     * {@link #search(String, String, int)} among customers whose custom field values contain
     * {@code customFields} (as {@link CustomerFieldRules#filter} gives them; empty: any).
     */
    @Transactional(readOnly = true)
    public Slice<Customer> search(
            @Nullable String q, Map<String, Object> customFields, @Nullable String cursor, int limit) {
        var after = cursor == null ? null : Cursor.decode(cursor);
        var rows = customers.search(
                q == null || q.isBlank() ? null : q.strip(),
                customFields.isEmpty() ? null : values.containment(customFields),
                after,
                limit + 1);
        var page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit
                ? new Cursor(page.getLast().createdAt(), page.getLast().id()).encode()
                : null;
        return new Slice<>(assemble(page), next);
    }

    /**
     * Changes the display name and self-declared fields. A field the customer declared themselves
     * cannot be changed by an agent: the whole change is refused and nothing is written.
     */
    public Customer change(CustomerId id, ChangeCustomer change, Actor actor) {
        if (actor.kind() == Actor.Kind.CUSTOMER && !id.value().equals(actor.id())) {
            throw new AccessDeniedException("A customer can only declare fields about themselves");
        }
        var customer = current(id);
        var fields = parseFields(change.fields());
        String name = change.displayName() == null || change.displayName().isBlank()
                ? null
                : change.displayName().strip();
        if (name != null && name.length() > 200) {
            throw new InvalidInputException("displayName", "must be at most 200 characters");
        }
        boolean nameChanges = name != null && !name.equals(customer.displayName());
        if (nameChanges && customer.displayNameLocked() && actor.kind() != Actor.Kind.CUSTOMER) {
            throw new ConflictException(
                    "customer-declared-field",
                    "The customer set their display name themselves as '" + customer.displayName()
                            + "'. Only the customer can change it; suggest a change instead.");
        }
        for (var entry : fields.entrySet()) {
            var current = customer.fields().get(entry.getKey().key());
            boolean changes = current == null
                    ? !entry.getValue().isEmpty()
                    : !current.value().equals(entry.getValue());
            if (changes && current != null && current.declaredByCustomer() && actor.kind() != Actor.Kind.CUSTOMER) {
                throw new ConflictException(
                        "customer-declared-field",
                        "The customer declared their " + entry.getKey().key() + " themselves as '" + current.value()
                                + "'. Only the customer can change it; suggest a change instead.");
            }
        }
        Instant now = clock.instant();
        if (nameChanges) {
            customers.updateDisplayName(id.value(), name, now);
            // Who set the name is kept like a declared field's: a name the customer chose is hers.
            customers.putField(id.value(), Customer.DISPLAY_NAME, name, actor, now);
            customers.recordHistory(id.value(), actor, Customer.DISPLAY_NAME, customer.displayName(), name, now);
        } else if (name != null && actor.kind() == Actor.Kind.CUSTOMER && !customer.displayNameLocked()) {
            customers.putField(id.value(), Customer.DISPLAY_NAME, name, actor, now);
            customers.recordHistory(id.value(), actor, Customer.DISPLAY_NAME, name, name, now);
        }
        for (var entry : fields.entrySet()) {
            String key = entry.getKey().key();
            var current = customer.fields().get(key);
            String before = current == null ? null : current.value();
            if (entry.getValue().isEmpty()) {
                if (current != null) {
                    customers.removeField(id.value(), key);
                    customers.recordHistory(id.value(), actor, key, before, null, now);
                }
            } else if (current == null
                    || !current.value().equals(entry.getValue())
                    // The customer confirming a value someone else set makes it theirs; nobody else takes it over.
                    || (actor.kind() == Actor.Kind.CUSTOMER && !current.declaredByCustomer())) {
                customers.putField(id.value(), key, entry.getValue(), actor, now);
                customers.recordHistory(id.value(), actor, key, before, entry.getValue(), now);
            }
        }
        customers.touch(id.value(), now);
        return find(id);
    }

    /** Adds an email or phone to a customer; refused when it belongs to another customer. */
    public Customer addIdentity(CustomerId id, IdentityKind kind, String value, boolean verified, Actor actor) {
        current(id);
        String normalized = IdentityValues.normalize(kind, value, "value");
        var owner = customers.findOwner(kind, normalized);
        if (owner.isPresent() && !owner.get().equals(id.value())) {
            throw identityTaken(kind, normalized);
        }
        Instant now = clock.instant();
        if (owner.isEmpty()) {
            customers.insertIdentityOrFindOwner(id.value(), kind, normalized, verified, now);
            customers.recordHistory(id.value(), actor, kind.value(), null, normalized, now);
        } else if (verified) {
            customers.setVerified(id.value(), kind, normalized, true);
            customers.recordHistory(id.value(), actor, kind.value() + ".verified", "false", "true", now);
        }
        customers.touch(id.value(), now);
        return find(id);
    }

    /**
     * The record that stands for this customer now: the record itself, or the one it was merged
     * into (following a chain of merges). For sessions and links made before a merge.
     */
    @Transactional(readOnly = true)
    public CustomerId survivor(CustomerId id) {
        var at = id;
        for (int hops = 0; hops < 32; hops++) {
            var next = customers.mergedInto(at.value());
            if (next.isEmpty()) {
                return at;
            }
            at = new CustomerId(next.get());
        }
        throw new IllegalStateException("Customer " + id + " is merged in a loop");
    }

    /**
     * The customer's record and the records merged into it: messages on her cases may be signed by
     * any of them.
     */
    @Transactional(readOnly = true)
    public java.util.Set<CustomerId> records(CustomerId id) {
        return customers.recordsOf(id.value()).stream()
                .map(CustomerId::new)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The record that stands for this customer now ({@link #survivor}), or empty when her data was
     * erased or the record does not exist: for sessions that outlive a merge or an erasure.
     */
    @Transactional(readOnly = true)
    public Optional<CustomerId> standing(CustomerId id) {
        var survivor = survivor(id);
        return customers
                .find(survivor.value())
                .filter(row -> row.erasedAt() == null)
                .map(row -> survivor);
    }

    /** The customer, refused when the record was merged into another or erased: nothing is added to such a record. */
    Customer current(CustomerId id) {
        var customer = find(id);
        if (customer.mergedInto() != null) {
            throw new ConflictException(
                    "customer-merged", "Customer " + id + " was merged into customer " + customer.mergedInto());
        }
        if (customer.erasedAt() != null) {
            throw new ConflictException("customer-erased", "Customer " + id + " was erased at their request");
        }
        return customer;
    }

    /**
     * The customer gave an identity she has not proved (a chat visitor typed her email address): it
     * is not added, but {@link IdentityOffered} is published so she can be sent a way to prove it.
     * Nothing happens for a value that is not an identity of the kind, or one she has proved already.
     */
    public void offerIdentity(CustomerId id, IdentityKind kind, String value, java.util.Locale language) {
        String normalized;
        try {
            normalized = IdentityValues.normalize(kind, value, "value");
        } catch (InvalidInputException e) {
            return;
        }
        boolean proved = customers.identities(List.of(id.value())).getOrDefault(id.value(), List.of()).stream()
                .anyMatch(i -> i.kind() == kind && i.value().equals(normalized) && i.verified());
        if (!proved) {
            events.publishEvent(new IdentityOffered(id.value(), kind, normalized, language.toLanguageTag()));
        }
    }

    @Transactional(readOnly = true)
    public List<CustomerChange> history(CustomerId id) {
        find(id);
        return customers.history(id.value());
    }

    private List<Customer> assemble(List<CustomerQueries.Row> rows) {
        var ids = rows.stream().map(CustomerQueries.Row::id).toList();
        var identities = customers.identities(ids);
        var fields = customers.fields(ids);
        var tags = customerTags.of(ids);
        return rows.stream()
                .map(row -> new Customer(
                        new CustomerId(row.id()),
                        row.displayName(),
                        identities.getOrDefault(row.id(), List.of()),
                        fields.getOrDefault(row.id(), Map.of()),
                        row.createdAt(),
                        row.updatedAt(),
                        row.mergedInto() == null ? null : new CustomerId(row.mergedInto()),
                        row.erasedAt(),
                        tags.getOrDefault(row.id(), List.of())))
                .toList();
    }

    private static Map<SelfField, String> parseFields(Map<String, String> fields) {
        var parsed = new LinkedHashMap<SelfField, String>();
        fields.forEach((key, value) -> {
            var field = SelfField.fromKey(key)
                    .orElseThrow(() -> new InvalidInputException("fields." + key, "is not a field customers declare"));
            String stripped = value == null ? "" : value.strip();
            if (stripped.length() > 200) {
                throw new InvalidInputException("fields." + key, "must be at most 200 characters");
            }
            parsed.put(field, stripped);
        });
        return parsed;
    }

    private static String displayNameOr(@Nullable String displayName, String email) {
        return displayName == null || displayName.isBlank()
                ? email.substring(0, email.indexOf('@'))
                : displayName.strip();
    }

    private static ConflictException identityTaken(IdentityKind kind, String value) {
        return new ConflictException(
                "identity-taken", "The " + kind.value() + " " + value + " belongs to another customer");
    }
}
