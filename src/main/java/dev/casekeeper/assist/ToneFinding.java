package dev.casekeeper.assist;

import org.jspecify.annotations.Nullable;

/**
 * Something in a draft reply that may land badly with the customer.
 *
 * @param kind {@code blame}, {@code condescension}, {@code refusal}, {@code shouting},
 *     {@code jargon} or {@code missing-acknowledgement}
 * @param span the words it is about
 * @param message why it may land badly
 * @param suggestion how to say it instead
 * @param replacement words that can stand in for the span as they are, when there are such words
 */
public record ToneFinding(
        String kind,
        Span span,
        String message,
        String suggestion,
        @Nullable String replacement) {}
