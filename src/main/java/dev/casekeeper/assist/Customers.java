package dev.casekeeper.assist;

import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.DeclaredField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** What assist needs to know about a customer: how to address them, and their language. */
@Component
class Customers {

    private final CustomerManagement customers;

    Customers(CustomerManagement customers) {
        this.customers = customers;
    }

    /** The name they chose for themselves, else the first word of their display name. */
    String nameOf(CustomerId id) {
        var customer = customers.find(id);
        String preferred = field(customer, "preferredName");
        if (preferred != null && !preferred.isBlank()) {
            return preferred.strip();
        }
        String display =
                customer.displayName() == null ? "" : customer.displayName().strip();
        if (display.isEmpty() || display.contains("@")) {
            return "there";
        }
        return display.split("\\s+")[0];
    }

    @Nullable
    String languageOf(CustomerId id) {
        return customers.declaredField(id, "language").map(DeclaredField::value).orElse(null);
    }

    private static @Nullable String field(Customer customer, String key) {
        DeclaredField field = customer.fields().get(key);
        return field == null ? null : field.value();
    }
}
