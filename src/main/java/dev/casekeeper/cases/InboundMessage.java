package dev.casekeeper.cases;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.Actor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message a customer sent, as a channel hands it to {@link CaseIntake}: for the case the channel
 * threaded it into, or for a new case when {@code caseId} is null. Its text (and HTML, sanitized on
 * store), the channel's own facts about it, and for a new case its subject, priority, tags and team.
 * Automatic mail (auto-replies, bounces) is recorded but never reopens a case and publishes no
 * {@link MessageReceived}.
 *
 * @param recordedBy who hands the message in: the system for a channel, the agent for the API
 */
public record InboundMessage(
        @Nullable CaseId caseId,
        String subject,
        String body,
        @Nullable String html,
        Channel channel,
        boolean automatic,
        @Nullable ChannelFacts facts,
        @Nullable TeamId teamId,
        List<String> tags,
        Priority priority,
        Actor recordedBy) {

    public InboundMessage {
        tags = List.copyOf(tags);
    }

    /** A message for a new case, of normal priority and without tags or facts. */
    public static InboundMessage newCase(String subject, String body, Channel channel, Actor recordedBy) {
        return new InboundMessage(
                null, subject, body, null, channel, false, null, null, List.of(), Priority.NORMAL, recordedBy);
    }

    /** A further message for the case, without facts. */
    public static InboundMessage forCase(CaseId caseId, String body, Channel channel, Actor recordedBy) {
        return new InboundMessage(
                caseId, "", body, null, channel, false, null, null, List.of(), Priority.NORMAL, recordedBy);
    }

    /** The same message for another case (a duplicate's message goes on in the case it was merged into). */
    public InboundMessage withCase(CaseId caseId) {
        return new InboundMessage(
                caseId, subject, body, html, channel, automatic, facts, teamId, tags, priority, recordedBy);
    }

    public InboundMessage withHtml(@Nullable String html) {
        return new InboundMessage(
                caseId, subject, body, html, channel, automatic, facts, teamId, tags, priority, recordedBy);
    }

    public InboundMessage withFacts(@Nullable ChannelFacts facts) {
        return new InboundMessage(
                caseId, subject, body, html, channel, automatic, facts, teamId, tags, priority, recordedBy);
    }

    public InboundMessage withTeam(@Nullable TeamId teamId) {
        return new InboundMessage(
                caseId, subject, body, html, channel, automatic, facts, teamId, tags, priority, recordedBy);
    }

    public InboundMessage withTags(List<String> tags) {
        return new InboundMessage(
                caseId, subject, body, html, channel, automatic, facts, teamId, tags, priority, recordedBy);
    }

    public InboundMessage withPriority(Priority priority) {
        return new InboundMessage(
                caseId, subject, body, html, channel, automatic, facts, teamId, tags, priority, recordedBy);
    }

    public InboundMessage automatic(boolean automatic) {
        return new InboundMessage(
                caseId, subject, body, html, channel, automatic, facts, teamId, tags, priority, recordedBy);
    }
}
