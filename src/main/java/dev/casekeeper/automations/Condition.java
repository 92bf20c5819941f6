package dev.casekeeper.automations;

import org.jspecify.annotations.Nullable;

/**
 * One test of a case: {@code field} ({@code channel}, {@code team}, {@code priority},
 * {@code status}, {@code tags}, {@code text}, {@code custom.<key>}, {@code customer.<key>} (what the
 * customer declared), {@code customer.custom.<key>} (a customer field agents fill in)),
 * {@code op} ({@code is}, {@code is_not}, {@code contains}, {@code not_contains}) and the
 * {@code value} compared, without regard to case.
 */
public record Condition(String field, String op, @Nullable String value) {}
