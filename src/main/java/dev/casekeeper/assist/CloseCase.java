package dev.casekeeper.assist;

import org.jspecify.annotations.Nullable;

/**
 * Closes a case with next steps and a farewell.
 *
 * @param farewell the agent's own farewell; without one, a warm one is chosen
 * @param send post the closing message to the customer as a reply
 * @param solve mark the case solved
 */
public record CloseCase(NextSteps nextSteps, @Nullable String farewell, boolean send, boolean solve) {}
