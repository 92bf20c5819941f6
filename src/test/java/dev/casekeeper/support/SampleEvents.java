package dev.casekeeper.support;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.TimelineEvent;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One event of every kind the timeline knows, filled with plausible values, so a test can record
 * them all and look at how each reads; a kind added to {@link TimelineEvent} is in it at once.
 */
public final class SampleEvents {

    private SampleEvents() {}

    public static List<TimelineEvent> everyKind(AgentId agent, String agentName) {
        return Arrays.stream(TimelineEvent.class.getPermittedSubclasses())
                .map(type -> sample(type, agent, agentName))
                .toList();
    }

    private static TimelineEvent sample(Class<?> type, AgentId agent, String agentName) {
        var components = type.getRecordComponents();
        var values =
                Arrays.stream(components).map(c -> value(c, agent, agentName)).toArray();
        try {
            var constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return (TimelineEvent) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a sample " + type.getSimpleName(), e);
        }
    }

    private static Object value(RecordComponent component, AgentId agent, String agentName) {
        var type = component.getType();
        String name = component.getName();
        if (type == String.class) {
            return switch (name) {
                case "target" -> "first_response";
                case "channel" -> "chat";
                case "source" -> "customer";
                case "score" -> "bad";
                default -> name.toLowerCase().endsWith("name") ? agentName : "Email the tracking number (" + name + ")";
            };
        }
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == Instant.class) {
            return Instant.parse("2026-01-01T09:00:00Z");
        }
        if (type == Duration.class) {
            return Duration.ofMinutes(4);
        }
        if (type == int.class) {
            return 2;
        }
        if (type == long.class) {
            return 1042L;
        }
        if (type == CaseId.class) {
            return new CaseId(UUID.randomUUID());
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == List.class) {
            return name.equals("addresses") ? List.of("ana@example.org", "ben@example.org") : List.of("printer");
        }
        if (type == CaseStatus.class) {
            return name.equals("from") ? CaseStatus.NEW : CaseStatus.OPEN;
        }
        if (type == Priority.class) {
            return name.startsWith("from") ? Priority.NORMAL : Priority.HIGH;
        }
        if (type == AgentId.class) {
            return agent;
        }
        if (type == TeamId.class) {
            return null;
        }
        throw new IllegalStateException("no sample value for " + type + " " + name);
    }
}
