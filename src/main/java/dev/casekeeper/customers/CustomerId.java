package dev.casekeeper.customers;

import java.util.UUID;

/** Identifies a customer. */
public record CustomerId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
