package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.Priority;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Puts a case in a team's queue as a contact on a channel.
 *
 * @param teamId the queue; null takes the case's team
 * @param priority null takes the case's priority
 * @param callbackEmail,callbackPhone how to reach the customer if they leave before an agent answers
 */
public record EnqueueContact(
        CaseId caseId,
        RoutedChannel channel,
        @Nullable TeamId teamId,
        Set<String> requiredSkills,
        @Nullable Priority priority,
        @Nullable String callbackEmail,
        @Nullable String callbackPhone) {

    public static EnqueueContact chat(CaseId caseId, Set<String> requiredSkills) {
        return new EnqueueContact(caseId, RoutedChannel.CHAT, null, requiredSkills, null, null, null);
    }
}
