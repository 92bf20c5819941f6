package dev.casekeeper.counter;

import org.jspecify.annotations.Nullable;

/** A walk-in takes a ticket: their first name, why they came, and optionally how to tell them it is their turn. */
public record TakeTicket(
        @Nullable String firstName,
        @Nullable ReasonId reasonId,
        @Nullable String email,
        @Nullable String phone) {}
