package dev.casekeeper.cases;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a case, as its timeline records it: one record per kind of event, each
 * stored as JSON under its type name ({@link JsonTypeName}, the {@code eventType} of the API). Other
 * modules record theirs through {@link CaseManagement#recordEvent} and read them back as these
 * records, never by their type name. Every kind has a readable line ({@link TimelineLines}); a kind
 * added here without one does not compile.
 */
public sealed interface TimelineEvent {

    /** The status moved. */
    @JsonTypeName("status_changed")
    record StatusChanged(CaseStatus from, CaseStatus to) implements TimelineEvent {}

    /** The priority moved. */
    @JsonTypeName("priority_changed")
    record PriorityChanged(Priority from, Priority to) implements TimelineEvent {}

    /** The tags were replaced. */
    @JsonTypeName("tags_changed")
    record TagsChanged(List<String> from, List<String> to) implements TimelineEvent {}

    /** An unowned case got its owner. */
    @JsonTypeName("assigned")
    record Assigned(AgentId toAgentId, String toAgentName) implements TimelineEvent {}

    /**
     * The case moved to an agent or a team's queue, with why and what the customer already said, so
     * the next agent reads it before speaking.
     */
    @JsonTypeName("transferred")
    record Transferred(
            @Nullable AgentId fromOwnerId,
            @Nullable AgentId toAgentId,
            @Nullable String toAgentName,
            @Nullable TeamId toTeamId,
            @Nullable String toTeamName,
            String reason,
            String summary)
            implements TimelineEvent {

        public boolean toTeam() {
            return toTeamId != null;
        }
    }

    /** The priority went up because of heat or a request for a supervisor. */
    @JsonTypeName("escalated")
    record Escalated(String reason, Priority fromPriority, Priority toPriority) implements TimelineEvent {}

    /** A supervisor took a request for a supervisor. */
    @JsonTypeName("supervisor_joined")
    record SupervisorJoined(
            AgentId supervisorId,
            String supervisorName,
            @Nullable String source) implements TimelineEvent {}

    /** The agent took the customer off hold in a live contact: how long it lasted, and whether past the limit. */
    @JsonTypeName("hold_ended")
    record HoldEnded(Duration held, boolean pastLimit) implements TimelineEvent {}

    /** A live contact (a chat, a call) that an agent had taken ended; {@code channel} is the channel's value. */
    @JsonTypeName("contact_ended")
    record ContactEnded(String channel) implements TimelineEvent {}

    /**
     * A phone call on the case ended, as the phone system reported it: whether an agent answered, how
     * long it lasted and was on hold, its recording, and who hung up ({@code customer}, {@code agent},
     * {@code system}; null when the phone system did not say).
     */
    @JsonTypeName("call_ended")
    record CallEnded(
            boolean answered,
            @Nullable Duration duration,
            @Nullable Duration held,
            @Nullable String recordingUrl,
            @Nullable String hungUpBy)
            implements TimelineEvent {}

    /** The agent wrapped up a call: its disposition (a telephony word such as {@code resolved}) and notes. */
    @JsonTypeName("call_wrapped_up")
    record CallWrappedUp(String disposition, String notes) implements TimelineEvent {}

    /**
     * The agent on a live call gave the caller a one-time code to sign in to the portal with her
     * verified number, good until {@code expiresAt}. The code itself is never recorded.
     */
    @JsonTypeName("sign_in_code_given")
    record SignInCodeGiven(Instant expiresAt) implements TimelineEvent {}

    /** An agent promised the customer something by a time. */
    @JsonTypeName("promise_recorded")
    record PromiseRecorded(
            UUID followupId,
            String text,
            Instant dueAt,
            @Nullable AgentId ownerId) implements TimelineEvent {}

    /** The promise was kept. */
    @JsonTypeName("promise_kept")
    record PromiseKept(
            UUID followupId, String text, @Nullable String note) implements TimelineEvent {}

    /** The promise was withdrawn. */
    @JsonTypeName("promise_withdrawn")
    record PromiseWithdrawn(
            UUID followupId, String text, @Nullable String reason) implements TimelineEvent {}

    /** The promise's time passed while it was open. */
    @JsonTypeName("promise_overdue")
    record PromiseOverdue(UUID followupId, String text, Instant dueAt) implements TimelineEvent {}

    /** The case was solved a while ago: time to check that it stayed solved. */
    @JsonTypeName("checkin_due")
    record CheckinDue(UUID followupId, Instant solvedAt) implements TimelineEvent {}

    /** The check-in was done. */
    @JsonTypeName("checkin_kept")
    record CheckinKept(
            UUID followupId, String text, @Nullable String note) implements TimelineEvent {}

    /** The check-in was dropped. */
    @JsonTypeName("checkin_withdrawn")
    record CheckinWithdrawn(
            UUID followupId, String text, @Nullable String reason) implements TimelineEvent {}

    /**
     * A service-level target is due soon. {@code target} is {@code first_response},
     * {@code next_response} or {@code resolution}; {@code cycle} counts next responses.
     */
    @JsonTypeName("sla_warning")
    record SlaWarned(String target, int cycle, @Nullable Instant dueAt) implements TimelineEvent {}

    /** A service-level target was missed. */
    @JsonTypeName("sla_breached")
    record SlaBreached(String target, int cycle, @Nullable Instant dueAt) implements TimelineEvent {}

    /** Supervisors were told the case has had no owner for too long. */
    @JsonTypeName("unowned_alert")
    record UnownedAlert(Instant unownedSince) implements TimelineEvent {}

    /**
     * A reply went to fewer people than were copied on the case: the first of those left out, at
     * most twenty, are named.
     */
    @JsonTypeName("email_recipients_left_out")
    record RecipientsLeftOut(UUID entryId, int sent, int leftOut, int limit, List<String> addresses)
            implements TimelineEvent {}

    /**
     * The customer rated how the case was solved ({@code score}: {@code good}, {@code okay} or
     * {@code bad}), from {@code source} ({@code email}, {@code portal} or {@code chat}); a rating given
     * again within the time to change it is recorded again with {@code changed}.
     */
    @JsonTypeName("satisfaction_rated")
    record SatisfactionRated(String score, @Nullable String comment, String source, boolean changed)
            implements TimelineEvent {}

    /** The customer praised the service; {@code agentName} is who it was for, null for the team. */
    @JsonTypeName("compliment_received")
    record ComplimentReceived(
            String text,
            @Nullable AgentId agentId,
            @Nullable String agentName) implements TimelineEvent {}

    /** The customer complained about the service on this case: the complaint case that was opened. */
    @JsonTypeName("complaint_opened")
    record ComplaintOpened(CaseId complaintCaseId, long complaintNumber) implements TimelineEvent {}

    /** This case is a complaint about another case, and about the agent who owned it then. */
    @JsonTypeName("complaint_about")
    record ComplaintAbout(
            CaseId caseId,
            long number,
            @Nullable AgentId agentId,
            @Nullable String agentName) implements TimelineEvent {}

    /**
     * A call back was promised to the customer between {@code windowFrom} and {@code windowUntil};
     * {@code ownerId} null while it waits in the team's queue. {@code source} says who asked
     * ({@code agent}, {@code queue}, {@code widget}, {@code portal}, {@code phone}).
     */
    @JsonTypeName("callback_requested")
    record CallbackRequested(
            UUID callbackId,
            Instant windowFrom,
            Instant windowUntil,
            @Nullable AgentId ownerId,
            String source) implements TimelineEvent {}

    /** An agent took the callback, or was given it. */
    @JsonTypeName("callback_taken")
    record CallbackTaken(UUID callbackId, AgentId ownerId, String ownerName) implements TimelineEvent {}

    /** Nobody answered the callback; it is planned again in a new window. */
    @JsonTypeName("callback_retry")
    record CallbackRetry(
            UUID callbackId, int attempt, @Nullable String note, Instant windowFrom, Instant windowUntil)
            implements TimelineEvent {}

    /** The callback was done: {@code outcome} is {@code reached}, {@code no_answer} or {@code left_message}. */
    @JsonTypeName("callback_done")
    record CallbackDone(
            UUID callbackId, String outcome, @Nullable String note) implements TimelineEvent {}

    /** The callback's window closed while it was open. */
    @JsonTypeName("callback_overdue")
    record CallbackOverdue(UUID callbackId, Instant windowUntil) implements TimelineEvent {}

    /**
     * A resolution action was proposed above the proposer's limit and waits for the approval of an
     * {@code approverRole} ({@code supervisor} of the case's team, or {@code admin}). {@code action}
     * is its type's name, {@code amount} with its currency ("34.99 EUR"), null for an action without one.
     */
    @JsonTypeName("action_proposed")
    record ActionProposed(
            UUID actionId,
            String action,
            @Nullable String amount,
            String approverRole,
            @Nullable String note) implements TimelineEvent {}

    /** The approver approved the action; it starts. */
    @JsonTypeName("action_approved")
    record ActionApproved(
            UUID actionId, String action, @Nullable String amount) implements TimelineEvent {}

    /** The approver declined the action, saying why. */
    @JsonTypeName("action_declined")
    record ActionDeclined(
            UUID actionId, String action, @Nullable String amount, String reason) implements TimelineEvent {}

    /**
     * The action was withdrawn while it waited for an approval, by its proposer or a supervisor or
     * admin: nobody decides it any more, and it no longer keeps the case from being solved.
     */
    @JsonTypeName("action_withdrawn")
    record ActionWithdrawn(
            UUID actionId, String action, @Nullable String amount) implements TimelineEvent {}

    /**
     * The action started: within its proposer's limit or once approved. {@code manual}: no system is
     * connected, someone does it by hand and marks it done; else the company's system is being called.
     */
    @JsonTypeName("action_started")
    record ActionStarted(
            UUID actionId, String action, @Nullable String amount, boolean manual) implements TimelineEvent {}

    /** The action is done: the company's system took it ({@code result} its answer) or an agent marked it done. */
    @JsonTypeName("action_done")
    record ActionDone(
            UUID actionId,
            String action,
            @Nullable String amount,
            @Nullable String result) implements TimelineEvent {}

    /** The company's system never took the action's call, over a day of retries; {@code detail} the last answer. */
    @JsonTypeName("action_failed")
    record ActionFailed(
            UUID actionId, String action, @Nullable String amount, String detail) implements TimelineEvent {}

    /**
     * An agent logged a phone call by hand (no telephony integration): {@code direction} is
     * {@code inbound} or {@code outbound}, {@code disposition} what it came to ({@code resolved},
     * {@code follow_up}, {@code no_answer}, {@code left_voicemail}, {@code wrong_number}); {@code notes}
     * when the call was added to an existing case (on a new case they are its first message).
     */
    @JsonTypeName("call_logged")
    record CallLogged(
            String direction,
            Duration duration,
            String disposition,
            @Nullable String notes) implements TimelineEvent {}

    /** A walk-in took a ticket at a counter location's kiosk (their arrival) for a visit reason. */
    @JsonTypeName("counter_ticket_taken")
    record CounterTicketTaken(String ticket, String location, String reason) implements TimelineEvent {}

    /** An agent called the ticket to their desk. */
    @JsonTypeName("counter_called")
    record CounterCalled(String ticket, String desk) implements TimelineEvent {}

    /** The walk-in came to the desk and the agent is serving them. */
    @JsonTypeName("counter_served")
    record CounterServed(String ticket, String desk) implements TimelineEvent {}

    /** The walk-in did not come to the desk within the grace period after being called. */
    @JsonTypeName("counter_no_show")
    record CounterNoShow(String ticket, String desk) implements TimelineEvent {}

    /** An agent marked a knowledge-base article as having helped solve the case. */
    @JsonTypeName("article_helped")
    record ArticleHelped(UUID articleId, long articleNumber, String title) implements TimelineEvent {}
    /** This case was a duplicate: it was merged into {@code targetNumber}, where the work goes on. */
    @JsonTypeName("merged_into")
    record MergedInto(UUID mergeId, CaseId targetId, long targetNumber) implements TimelineEvent {}

    /** A duplicate, {@code sourceNumber}, was merged into this case: its timeline shows here. */
    @JsonTypeName("merged_from")
    record MergedFrom(UUID mergeId, CaseId sourceId, long sourceNumber) implements TimelineEvent {}

    /** A supervisor undid the merge of {@code sourceNumber} into {@code targetNumber}. */
    @JsonTypeName("merge_undone")
    record MergeUndone(UUID mergeId, CaseId sourceId, long sourceNumber, CaseId targetId, long targetNumber)
            implements TimelineEvent {}

    /**
     * This case was linked to a related one: {@code role} is this case's, {@code parent} (the problem)
     * or {@code child} (an incident the problem causes).
     */
    @JsonTypeName("case_linked")
    record CaseLinked(UUID linkId, CaseId otherId, long otherNumber, String role) implements TimelineEvent {

        public boolean parent() {
            return "parent".equals(role);
        }
    }

    /** A supervisor removed the link to {@code otherNumber}. */
    @JsonTypeName("case_unlinked")
    record CaseUnlinked(UUID linkId, CaseId otherId, long otherNumber) implements TimelineEvent {}

    /**
     * An agent marked the case as spam: it left every view and search. {@code senderBlocked}: its
     * sender's address went on the block list in the same step.
     */
    @JsonTypeName("marked_spam")
    record MarkedSpam(boolean senderBlocked) implements TimelineEvent {}

    /** An admin deleted the case: its messages, notes and attachments are gone; the number stays. */
    @JsonTypeName("case_deleted")
    record CaseDeleted(String reason) implements TimelineEvent {}

    /**
     * An admin-defined field of the case changed ({@code field} is its name when it changed; values
     * as the case page showed them, null when empty).
     */
    @JsonTypeName("custom_field_changed")
    record CustomFieldChanged(
            String field, @Nullable String from, @Nullable String to) implements TimelineEvent {}

    /**
     * An automation changed the case: {@code kind} is {@code trigger} (it reacted to a change) or
     * {@code timed} (a time-based automation found the case due); {@code changes} says what it did,
     * one short line per action that changed something.
     */
    @JsonTypeName("automation_ran")
    record AutomationRan(String kind, UUID automationId, String name, List<String> changes) implements TimelineEvent {}

    /**
     * Triggers stopped on this case: {@code runs} trigger runs followed from one change, the limit; the
     * next one, {@code name}, did not run (an automation loop, or too long a chain).
     */
    @JsonTypeName("automation_capped")
    record AutomationCapped(int runs, UUID automationId, String name) implements TimelineEvent {}
}
