package dev.casekeeper.customers;

import dev.casekeeper.shared.Actor;
import java.time.Instant;

/** The current value of a self-declared field and who set it. */
public record DeclaredField(String value, Actor.Kind setBy, Instant setAt) {

    /** Whether the customer set this value, which makes it unchangeable by agents. */
    public boolean declaredByCustomer() {
        return setBy == Actor.Kind.CUSTOMER;
    }
}
