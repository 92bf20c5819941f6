package dev.casekeeper.automations;

import dev.casekeeper.customers.CustomerCustomValues;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.Identity;
import dev.casekeeper.customers.IdentityKind;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What conditions read about a case's customer: the fields she declared about herself
 * ({@code customer.<key>}) and, apart from them, the custom fields agents fill in
 * ({@code customer.custom.<apiKey>}); and where an automation's email reaches her.
 */
@Component
class CustomerFacts {

    private final CustomerManagement customers;
    private final CustomerCustomValues customValues;

    CustomerFacts(CustomerManagement customers, CustomerCustomValues customValues) {
        this.customers = customers;
        this.customValues = customValues;
    }

    /** Her self-declared fields' values, by key. */
    Map<String, String> declared(CustomerId id) {
        var found = new HashMap<String, String>();
        customers.find(id).fields().forEach((key, field) -> found.put(key, field.value()));
        return found;
    }

    /** The email address she can be written to at, or null (none, or a stand-in that reaches nobody). */
    @Nullable
    String email(CustomerId id) {
        return customers.find(id).identities().stream()
                .filter(i -> i.kind() == IdentityKind.EMAIL)
                .map(Identity::value)
                .filter(address -> !address.endsWith(".invalid"))
                .findFirst()
                .orElse(null);
    }

    /** Her custom fields' stored values, by API key. */
    Map<String, Object> custom(CustomerId id) {
        return customValues.of(id);
    }
}
