package dev.casekeeper.cases;

import dev.casekeeper.cases.TimelineEvent.ArticleHelped;
import dev.casekeeper.cases.TimelineEvent.Assigned;
import dev.casekeeper.cases.TimelineEvent.CallEnded;
import dev.casekeeper.cases.TimelineEvent.CallWrappedUp;
import dev.casekeeper.cases.TimelineEvent.CheckinDue;
import dev.casekeeper.cases.TimelineEvent.CheckinKept;
import dev.casekeeper.cases.TimelineEvent.CheckinWithdrawn;
import dev.casekeeper.cases.TimelineEvent.ComplaintAbout;
import dev.casekeeper.cases.TimelineEvent.ComplaintOpened;
import dev.casekeeper.cases.TimelineEvent.ComplimentReceived;
import dev.casekeeper.cases.TimelineEvent.ContactEnded;
import dev.casekeeper.cases.TimelineEvent.CounterCalled;
import dev.casekeeper.cases.TimelineEvent.CounterNoShow;
import dev.casekeeper.cases.TimelineEvent.CounterServed;
import dev.casekeeper.cases.TimelineEvent.CounterTicketTaken;
import dev.casekeeper.cases.TimelineEvent.Escalated;
import dev.casekeeper.cases.TimelineEvent.HoldEnded;
import dev.casekeeper.cases.TimelineEvent.PriorityChanged;
import dev.casekeeper.cases.TimelineEvent.PromiseKept;
import dev.casekeeper.cases.TimelineEvent.PromiseOverdue;
import dev.casekeeper.cases.TimelineEvent.PromiseRecorded;
import dev.casekeeper.cases.TimelineEvent.PromiseWithdrawn;
import dev.casekeeper.cases.TimelineEvent.RecipientsLeftOut;
import dev.casekeeper.cases.TimelineEvent.SatisfactionRated;
import dev.casekeeper.cases.TimelineEvent.SlaBreached;
import dev.casekeeper.cases.TimelineEvent.SlaWarned;
import dev.casekeeper.cases.TimelineEvent.StatusChanged;
import dev.casekeeper.cases.TimelineEvent.SupervisorJoined;
import dev.casekeeper.cases.TimelineEvent.TagsChanged;
import dev.casekeeper.cases.TimelineEvent.Transferred;
import dev.casekeeper.cases.TimelineEvent.UnownedAlert;
import java.util.Date;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Every kind of {@link TimelineEvent} in words, from the message bundles: one line per kind, so the
 * case page and the API never show a type name. The switch has no default: a kind of event added
 * without its words does not compile.
 */
@Component
public class TimelineLines {

    private final MessageSource messages;

    TimelineLines(MessageSource messages) {
        this.messages = messages;
    }

    /** The line of an event entry; an entry this version cannot read is "someone updated the case". */
    public TimelineLine line(TimelineEntry entry, String authorName, Locale locale) {
        var event = entry.event();
        if (event == null) {
            return TimelineLine.of(text(locale, "event.other", authorName));
        }
        return switch (event) {
            case StatusChanged e ->
                TimelineLine.of(text(
                        locale,
                        "event.status",
                        authorName,
                        text(locale, "status." + e.from().value()),
                        text(locale, "status." + e.to().value())));
            case PriorityChanged e ->
                TimelineLine.of(text(
                        locale,
                        "event.priority",
                        authorName,
                        text(locale, "priority." + e.from().value()),
                        text(locale, "priority." + e.to().value())));
            case TagsChanged e ->
                TimelineLine.of(text(
                        locale,
                        "event.tags",
                        authorName,
                        e.to().isEmpty() ? text(locale, "event.tags.none") : String.join(", ", e.to())));
            case Assigned e ->
                TimelineLine.of(
                        authorName.equals(e.toAgentName())
                                ? text(locale, "event.took", authorName)
                                : text(locale, "event.assigned", authorName, e.toAgentName()));
            case Transferred e ->
                new TimelineLine(
                        e.toTeam()
                                ? text(locale, "event.transferredToTeam", authorName, e.toTeamName())
                                : text(locale, "event.transferred", authorName, e.toAgentName()),
                        text(locale, "handover.reason") + " " + e.reason(),
                        e.summary(),
                        false);
            case Escalated e ->
                new TimelineLine(text(locale, "event.escalated", authorName, e.reason()), null, null, true);
            case SupervisorJoined e -> TimelineLine.of(joined(locale, e.source(), authorName));
            case HoldEnded e ->
                new TimelineLine(
                        text(locale, "event.holdEnded", authorName, e.held().toMinutes()), null, null, e.pastLimit());
            case ContactEnded e ->
                TimelineLine.of(text(locale, "event.contactEnded", authorName, text(locale, "channel." + e.channel())));
            case CallEnded e ->
                new TimelineLine(
                        text(
                                locale,
                                !e.answered()
                                        ? "event.callAbandoned"
                                        : e.duration() == null ? "event.callEndedBare" : "event.callEnded",
                                e.duration() == null ? 0 : e.duration().toSeconds(),
                                e.held() == null ? 0 : e.held().toSeconds(),
                                e.hungUpBy() == null ? "unknown" : e.hungUpBy()),
                        e.recordingUrl() == null ? null : text(locale, "event.callRecording", e.recordingUrl()),
                        null,
                        !e.answered());
            case CallWrappedUp e ->
                new TimelineLine(
                        text(
                                locale,
                                "event.callWrappedUp",
                                authorName,
                                optional(locale, "telephony.disposition." + e.disposition(), e.disposition())),
                        null,
                        e.notes().isBlank() ? null : e.notes(),
                        false);
            case TimelineEvent.SignInCodeGiven e -> TimelineLine.of(text(locale, "event.signInCodeGiven", authorName));
            case TimelineEvent.CallbackRequested e ->
                TimelineLine.of(text(
                        locale,
                        "event.callbackRequested",
                        authorName,
                        Date.from(e.windowFrom()),
                        Date.from(e.windowUntil())));
            case TimelineEvent.CallbackTaken e ->
                TimelineLine.of(
                        authorName.equals(e.ownerName())
                                ? text(locale, "event.callbackTaken", authorName)
                                : text(locale, "event.callbackAssigned", authorName, e.ownerName()));
            case TimelineEvent.CallbackRetry e ->
                new TimelineLine(
                        text(
                                locale,
                                "event.callbackRetry",
                                authorName,
                                Date.from(e.windowFrom()),
                                Date.from(e.windowUntil())),
                        e.note(),
                        null,
                        false);
            case TimelineEvent.CallbackDone e ->
                new TimelineLine(
                        text(
                                locale,
                                "event.callbackDone",
                                authorName,
                                optional(locale, "event.callbackOutcome." + e.outcome(), e.outcome())),
                        e.note(),
                        null,
                        false);
            case TimelineEvent.CallbackOverdue e ->
                new TimelineLine(text(locale, "event.callbackOverdue", Date.from(e.windowUntil())), null, null, true);
            case TimelineEvent.ActionProposed e ->
                new TimelineLine(
                        text(
                                locale,
                                "event.actionProposed",
                                authorName,
                                action(locale, e.action(), e.amount()),
                                optional(locale, "actions.approver." + e.approverRole(), e.approverRole())),
                        e.note(),
                        null,
                        false);
            case TimelineEvent.ActionApproved e ->
                TimelineLine.of(
                        text(locale, "event.actionApproved", authorName, action(locale, e.action(), e.amount())));
            case TimelineEvent.ActionDeclined e ->
                new TimelineLine(
                        text(locale, "event.actionDeclined", authorName, action(locale, e.action(), e.amount())),
                        e.reason(),
                        null,
                        false);
            case TimelineEvent.ActionWithdrawn e ->
                TimelineLine.of(
                        text(locale, "event.actionWithdrawn", authorName, action(locale, e.action(), e.amount())));
            case TimelineEvent.ActionStarted e ->
                TimelineLine.of(text(
                        locale,
                        e.manual() ? "event.actionStartedByHand" : "event.actionStarted",
                        authorName,
                        action(locale, e.action(), e.amount())));
            case TimelineEvent.ActionDone e ->
                new TimelineLine(
                        text(locale, "event.actionDone", authorName, action(locale, e.action(), e.amount())),
                        e.result(),
                        null,
                        false);
            case TimelineEvent.ActionFailed e ->
                new TimelineLine(
                        text(locale, "event.actionFailed", action(locale, e.action(), e.amount())),
                        e.detail(),
                        null,
                        true);
            case TimelineEvent.CallLogged e ->
                new TimelineLine(
                        text(
                                locale,
                                "event.callLogged." + ("outbound".equals(e.direction()) ? "outbound" : "inbound"),
                                authorName,
                                e.duration().toMinutes(),
                                optional(locale, "event.callDisposition." + e.disposition(), e.disposition())),
                        e.notes(),
                        null,
                        false);
            case PromiseRecorded e -> TimelineLine.of(text(locale, "event.promiseRecorded", authorName, e.text()));
            case PromiseKept e ->
                new TimelineLine(text(locale, "event.promiseKept", authorName, e.text()), e.note(), null, false);
            case PromiseWithdrawn e ->
                new TimelineLine(text(locale, "event.promiseWithdrawn", authorName, e.text()), e.reason(), null, false);
            case PromiseOverdue e -> TimelineLine.of(text(locale, "event.promiseOverdue", e.text()));
            case CheckinDue e -> TimelineLine.of(text(locale, "event.checkinDue"));
            case CheckinKept e ->
                new TimelineLine(text(locale, "event.checkinKept", authorName), e.note(), null, false);
            case CheckinWithdrawn e ->
                new TimelineLine(text(locale, "event.checkinWithdrawn", authorName), e.reason(), null, false);
            case SlaWarned e -> TimelineLine.of(text(locale, "event.slaWarning", target(e.target(), locale)));
            case SlaBreached e -> TimelineLine.of(text(locale, "event.slaBreached", target(e.target(), locale)));
            case UnownedAlert e -> TimelineLine.of(text(locale, "event.unownedAlert"));
            case RecipientsLeftOut e ->
                new TimelineLine(
                        text(
                                locale,
                                "email.recipientsLeftOut",
                                e.sent(),
                                e.leftOut(),
                                e.limit(),
                                String.join(", ", e.addresses())),
                        null,
                        null,
                        true);
            case SatisfactionRated e ->
                new TimelineLine(
                        text(
                                locale,
                                e.changed() ? "event.satisfactionChanged" : "event.satisfactionRated",
                                authorName,
                                optional(locale, "feedback.score." + e.score(), e.score()),
                                optional(locale, "feedback.source." + e.source(), e.source())),
                        e.comment(),
                        null,
                        "bad".equals(e.score()));
            case ComplimentReceived e ->
                new TimelineLine(
                        e.agentName() == null
                                ? text(locale, "event.complimentTeam", authorName)
                                : text(locale, "event.compliment", authorName, e.agentName()),
                        e.text(),
                        null,
                        false);
            case ComplaintOpened e ->
                new TimelineLine(
                        text(locale, "event.complaintOpened", authorName, e.complaintNumber()), null, null, true);
            case ComplaintAbout e ->
                new TimelineLine(
                        e.agentName() == null
                                ? text(locale, "event.complaintAboutTeam", e.number())
                                : text(locale, "event.complaintAbout", e.number(), e.agentName()),
                        null,
                        null,
                        true);
            case CounterTicketTaken e ->
                TimelineLine.of(text(locale, "event.counterTicketTaken", e.ticket(), e.location(), e.reason()));
            case CounterCalled e ->
                TimelineLine.of(text(locale, "event.counterCalled", authorName, e.ticket(), e.desk()));
            case CounterServed e ->
                TimelineLine.of(text(locale, "event.counterServed", authorName, e.ticket(), e.desk()));
            case CounterNoShow e ->
                new TimelineLine(text(locale, "event.counterNoShow", e.ticket(), e.desk()), null, null, true);
            case ArticleHelped e -> TimelineLine.of(text(locale, "event.articleHelped", authorName, e.title()));
            case TimelineEvent.MergedInto e ->
                TimelineLine.of(text(locale, "event.mergedInto", authorName, e.targetNumber()));
            case TimelineEvent.MergedFrom e ->
                TimelineLine.of(text(locale, "event.mergedFrom", authorName, e.sourceNumber()));
            case TimelineEvent.MergeUndone e ->
                TimelineLine.of(text(locale, "event.mergeUndone", authorName, e.sourceNumber(), e.targetNumber()));
            case TimelineEvent.CaseLinked e ->
                TimelineLine.of(text(
                        locale, e.parent() ? "event.linkedChild" : "event.linkedParent", authorName, e.otherNumber()));
            case TimelineEvent.MarkedSpam e ->
                new TimelineLine(
                        text(locale, e.senderBlocked() ? "event.markedSpamBlocked" : "event.markedSpam", authorName),
                        null,
                        null,
                        true);
            case TimelineEvent.CaseDeleted e ->
                new TimelineLine(text(locale, "event.caseDeleted", authorName), e.reason(), null, true);
            case TimelineEvent.CaseUnlinked e ->
                TimelineLine.of(text(locale, "event.unlinked", authorName, e.otherNumber()));
            case TimelineEvent.CustomFieldChanged e ->
                TimelineLine.of(
                        e.to() == null
                                ? text(locale, "event.customFieldCleared", authorName, e.field())
                                : text(locale, "event.customField", authorName, e.field(), e.to()));
            case TimelineEvent.AutomationRan e ->
                new TimelineLine(
                        text(
                                locale,
                                "event.automationRan." + ("timed".equals(e.kind()) ? "timed" : "trigger"),
                                e.name()),
                        String.join("; ", e.changes()),
                        null,
                        false);
            case TimelineEvent.AutomationCapped e ->
                TimelineLine.of(text(locale, "event.automationCapped", e.name(), e.runs()));
        };
    }

    /** A resolution action as a line names it: "Refund" or "Refund of 34.99 EUR". */
    private String action(Locale locale, String action, @Nullable String amount) {
        return amount == null ? action : text(locale, "event.actionWithAmount", action, amount);
    }

    private String target(String target, Locale locale) {
        var name = messages.getMessage("sla.target." + target, null, null, locale);
        return name != null ? name : text(locale, "event.sla.target");
    }

    /**
     * A source with a text of its own (a supervisor who took a heated case over without a request)
     * says so; the others took a request for a supervisor.
     */
    private String joined(Locale locale, @Nullable String source, String authorName) {
        var own = source == null
                ? null
                : messages.getMessage("event.supervisorJoined." + source, new Object[] {authorName}, null, locale);
        return own != null ? own : text(locale, "event.supervisorJoined", authorName);
    }

    /** A word from the bundles, or the value itself for one this version has no word for. */
    private String optional(Locale locale, String key, String fallback) {
        var word = messages.getMessage(key, null, null, locale);
        return word != null ? word : fallback;
    }

    private String text(Locale locale, String key, @Nullable Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
