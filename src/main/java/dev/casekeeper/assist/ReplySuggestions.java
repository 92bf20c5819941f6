package dev.casekeeper.assist;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reply templates for a case. {@code offered} is true when the customer's latest message reads
 * as frustrated or worse: that is when a workspace puts them in front of the agent.
 */
public record ReplySuggestions(
        boolean offered, @Nullable FrustrationScore lastCustomerMessage, List<ReplyTemplate> templates) {}
