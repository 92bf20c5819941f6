package dev.casekeeper.customers;

import dev.casekeeper.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers brought over from another desk, a batch at a time in the caller's transaction: one an
 * earlier import made is updated (name, tags, a new identity), one whose email or phone is already
 * known is that customer (her name stays what it is here), anyone else is created. No event: an
 * imported customer is not a new contact.
 */
@Service
@Transactional
public class CustomerImports {

    /**
     * @param imported the customer each accepted key is now
     * @param created the keys that made a new customer
     * @param refused why a key was not imported (an address that is not one)
     */
    public record CustomerImportOutcome(
            Map<String, CustomerId> imported, Set<String> created, Map<String, String> refused) {}

    private final CustomerQueries customers;
    private final CustomerTagQueries tags;
    private final CustomerManagement management;
    private final Clock clock;

    CustomerImports(CustomerQueries customers, CustomerTagQueries tags, CustomerManagement management, Clock clock) {
        this.customers = customers;
        this.tags = tags;
        this.management = management;
        this.clock = clock;
    }

    public CustomerImportOutcome upsert(List<ImportCustomer> batch) {
        var imported = new HashMap<String, CustomerId>();
        var created = new HashSet<String>();
        var refused = new HashMap<String, String>();
        Instant now = clock.instant();
        for (var given : batch) {
            try {
                String email = given.email() == null || given.email().isBlank()
                        ? null
                        : IdentityValues.email(given.email(), "email");
                String phone = given.phone() == null || given.phone().isBlank()
                        ? null
                        : IdentityValues.phone(given.phone(), "phone");
                UUID id = known(given.known());
                if (id != null) {
                    if (!given.displayName().isBlank()) {
                        customers.updateDisplayName(id, given.displayName().strip(), now);
                    }
                } else {
                    id = owner(email, phone);
                }
                if (id == null) {
                    id = UUID.randomUUID();
                    String name = given.displayName().isBlank()
                            ? (email != null ? email : phone != null ? phone : given.key())
                            : given.displayName().strip();
                    customers.insertCustomer(id, name, now);
                    created.add(given.key());
                }
                // An address another customer holds stays hers; the imported one keeps the rest.
                if (email != null) {
                    customers.insertIdentityOrFindOwner(id, IdentityKind.EMAIL, email, false, now);
                }
                if (phone != null) {
                    customers.insertIdentityOrFindOwner(id, IdentityKind.PHONE, phone, false, now);
                }
                tags.add(id, given.tags(), now);
                imported.put(given.key(), new CustomerId(id));
            } catch (InvalidInputException e) {
                refused.put(given.key(), e.getMessage());
            }
        }
        return new CustomerImportOutcome(imported, created, refused);
    }

    private @Nullable UUID known(@Nullable CustomerId known) {
        if (known == null || !tags.exists(known.value())) {
            return null;
        }
        return management.survivor(known).value();
    }

    private @Nullable UUID owner(@Nullable String email, @Nullable String phone) {
        if (email != null) {
            var owner = customers.findOwner(IdentityKind.EMAIL, email);
            if (owner.isPresent()) {
                return owner.get();
            }
        }
        return phone == null
                ? null
                : customers.findOwner(IdentityKind.PHONE, phone).orElse(null);
    }
}
