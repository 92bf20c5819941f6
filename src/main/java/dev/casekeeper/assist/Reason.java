package dev.casekeeper.assist;

import java.util.List;

/**
 * One signal that moved a frustration score: its name (such as {@code shouting} or
 * {@code supervisor-request}), the points it added (politeness subtracts), what it saw in words,
 * and where in the message it saw it (empty for signals about the case, such as waiting time).
 */
public record Reason(String signal, int points, String detail, List<Span> spans) {}
