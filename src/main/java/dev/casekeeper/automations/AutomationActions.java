package dev.casekeeper.automations;

import dev.casekeeper.actions.ActionManagement;
import dev.casekeeper.actions.ActionState;
import dev.casekeeper.actions.ProposeAction;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseAutomation;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.fields.FieldManagement;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.webhooks.WebhookManagement;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Carries out an automation's actions on a case, in the caller's transaction: the changes of fields
 * at once (the later of two actions on one field wins), then notes, notifications, emails to the
 * customer, webhook calls and resolution actions (within the limits of
 * {@code casekeeper.automations.action-role}) in their order; records on the timeline which automation changed the case and how. Actions that change
 * nothing (the case already is so) leave no trace.
 */
@Component
class AutomationActions {

    static final String NOTIFICATION_KIND = "automation";

    private final CaseAutomation cases;
    private final CaseLookup lookup;
    private final NotificationManagement notifications;
    private final WebhookManagement webhooks;
    private final FieldManagement fields;
    private final ActionManagement resolutions;
    private final EmailAction email;
    private final AutomationSettings settings;
    private final Clock clock;

    AutomationActions(
            CaseAutomation cases,
            CaseLookup lookup,
            NotificationManagement notifications,
            WebhookManagement webhooks,
            FieldManagement fields,
            ActionManagement resolutions,
            EmailAction email,
            AutomationSettings settings,
            Clock clock) {
        this.cases = cases;
        this.lookup = lookup;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.fields = fields;
        this.resolutions = resolutions;
        this.email = email;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs the actions; answers what changed (empty: nothing, and nothing was recorded). */
    List<String> run(Automation automation, CaseId caseId) {
        var done = new ArrayList<String>(
                cases.apply(caseId, change(automation.actions()), automation.name(), Actor.SYSTEM));
        for (var action : automation.actions()) {
            switch (action.type()) {
                case "set_field" -> {
                    var field = field(text(action));
                    var values = new java.util.HashMap<String, @Nullable Object>();
                    values.put(field.getKey(), field.getValue().isEmpty() ? null : field.getValue());
                    if (fields.trySetCaseValues(caseId, values, Actor.SYSTEM)) {
                        done.add("custom." + field.getKey() + "=" + field.getValue());
                    }
                }
                case "add_note" -> {
                    cases.note(caseId, text(action), Actor.SYSTEM);
                    done.add("note");
                }
                case "notify" -> {
                    int told = notify(automation, caseId, text(action));
                    if (told > 0) {
                        done.add("notified=" + told);
                    }
                }
                case EmailAction.TYPE -> {
                    var sent = email.send(automation, text(action), caseId);
                    if (sent != null) {
                        done.add(sent);
                    }
                }
                case "call_webhook" -> {
                    if (callWebhook(automation, caseId, text(action))) {
                        done.add("webhook");
                    }
                }
                case "run_action" ->
                    resolutions
                            .runForAutomation(
                                    caseId, proposal(text(action), automation), settings.role(), automation.name())
                            .ifPresent(ran -> done.add(
                                    (ran.state() == ActionState.AWAITING_APPROVAL ? "action_proposed=" : "action=")
                                            + ran.title()));
                default -> {}
            }
        }
        if (!done.isEmpty()) {
            cases.record(
                    caseId,
                    new TimelineEvent.AutomationRan(
                            automation.kind().value(), automation.id(), automation.name(), List.copyOf(done)),
                    Actor.SYSTEM);
        }
        return done;
    }

    /** The changes of fields the actions make, as one change. */
    static CaseAutomation.Change change(List<AutomationAction> actions) {
        CaseStatus status = null;
        Priority priority = null;
        var add = new ArrayList<String>();
        var remove = new ArrayList<String>();
        TeamId team = null;
        AgentId owner = null;
        for (var action : actions) {
            String value = text(action);
            switch (action.type()) {
                case "set_status" -> status = CaseStatus.from(value);
                case "set_priority" -> priority = Priority.from(value);
                case "add_tags" -> {
                    add.addAll(tags(value));
                    remove.removeAll(tags(value));
                }
                case "remove_tags" -> {
                    remove.addAll(tags(value));
                    add.removeAll(tags(value));
                }
                case "assign_team" -> {
                    team = new TeamId(UUID.fromString(value));
                    owner = null;
                }
                case "assign_agent" -> {
                    owner = new AgentId(UUID.fromString(value));
                    team = null;
                }
                default -> {}
            }
        }
        return new CaseAutomation.Change(status, priority, add, remove, team, owner);
    }

    private int notify(Automation automation, CaseId caseId, String whom) {
        var kase = lookup.summary(caseId);
        Set<AgentId> recipients = switch (whom) {
            case "owner" -> kase.ownerId() == null ? Set.of() : Set.of(kase.ownerId());
            case "team" ->
                kase.teamId() == null ? notifications.supervisorsOf(List.of()) : notifications.membersOf(kase.teamId());
            default -> notifications.supervisorsOf(kase.teamId() == null ? List.of() : List.of(kase.teamId()));
        };
        if (recipients.isEmpty()) {
            return 0;
        }
        String text = automation.name() + ": #" + kase.number() + " " + kase.subject();
        String once = "automation:" + automation.id() + ":" + caseId.value() + ":" + clock.millis();
        return notifications.notify(Notify.of(recipients, NOTIFICATION_KIND, caseId.value(), text, once));
    }

    /** An {@code automation.called} event to the webhook, sent after the change commits. */
    private boolean callWebhook(Automation automation, CaseId caseId, String webhook) {
        var kase = lookup.summary(caseId);
        var data = new LinkedHashMap<String, @Nullable Object>();
        data.put("caseId", caseId.value());
        data.put("number", kase.number());
        data.put("teamId", kase.teamId() == null ? null : kase.teamId().value());
        data.put("automationId", automation.id());
        data.put("automation", automation.name());
        data.put("status", kase.status().value());
        data.put("priority", kase.priority().value());
        data.put("tags", kase.tags());
        return webhooks.sendForAutomation(UUID.fromString(webhook), data).isPresent();
    }

    /**
     * A {@code run_action} value as the proposal it makes: the action type's id, then {@code ;
     * amount=12.50} and {@code ; key=value} for its fields; the note says which automation ran it.
     * A value that is not of this form: {@link IllegalArgumentException}.
     */
    static ProposeAction proposal(String value, @Nullable Automation automation) {
        var parts = value.split(";");
        var typeId = UUID.fromString(parts[0].strip());
        BigDecimal amount = null;
        var values = new LinkedHashMap<String, String>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                continue;
            }
            var field = field(parts[i]);
            if (field.getKey().isEmpty() || !parts[i].contains("=")) {
                throw new IllegalArgumentException("not key=value: " + parts[i]);
            }
            if (field.getKey().equals("amount")) {
                amount = new BigDecimal(field.getValue());
            } else {
                values.put(field.getKey(), field.getValue());
            }
        }
        var note = automation == null ? null : "Run by the automation \u201c" + automation.name() + "\u201d";
        return new ProposeAction(typeId, amount, values, note);
    }

    /** {@code key=value} as the key and the value (empty: clear it). */
    static java.util.Map.Entry<String, String> field(String value) {
        int at = value.indexOf('=');
        return at < 0
                ? java.util.Map.entry(value.strip(), "")
                : java.util.Map.entry(
                        value.substring(0, at).strip(), value.substring(at + 1).strip());
    }

    static List<String> tags(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    private static String text(AutomationAction action) {
        return action.value() == null ? "" : action.value().strip();
    }
}
