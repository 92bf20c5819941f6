package dev.casekeeper.telephony;

import dev.casekeeper.customers.CreateCustomer;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.ConflictException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who is calling: the customer who owns the caller's number, or a new customer known by it. A number
 * a customer owns but never verified still finds that customer (a number is one identity, so it
 * cannot start a second customer); the screen pop says whether it was verified.
 */
@Component
class Callers {

    private final CustomerManagement customers;

    Callers(CustomerManagement customers) {
        this.customers = customers;
    }

    CustomerId identify(String number) {
        var known = customers.findByIdentity(IdentityKind.PHONE, number);
        if (known.isPresent()) {
            return known.get().id();
        }
        try {
            return customers
                    .create(new CreateCustomer(number, List.of(), List.of(number), Map.of()), Actor.SYSTEM)
                    .id();
        } catch (ConflictException e) {
            // The same number rang twice at once and the other call made the customer first.
            return customers
                    .findByIdentity(IdentityKind.PHONE, number)
                    .orElseThrow(() -> e)
                    .id();
        }
    }
}
