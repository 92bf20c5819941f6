package dev.casekeeper.customers;

import dev.casekeeper.shared.Actor;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The current value of a self-declared field and who set it, when.
 *
 * @param setById the customer or agent who set it (none for Casekeeper itself)
 */
public record DeclaredField(
        String value, Actor.Kind setBy, @Nullable UUID setById, Instant setAt) {

    /** Whether the customer set this value, which makes it unchangeable by agents. */
    public boolean declaredByCustomer() {
        return setBy == Actor.Kind.CUSTOMER;
    }
}
