package dev.casekeeper.actions;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who is told what about actions, in the workspace: the approvers when one waits for them (a
 * supervisor of the case's team, or the admins when it is above the supervisors' limit or the team
 * has no supervisor), and the proposing agent when it was approved, declined, withdrawn by someone
 * else or failed (an automation's proposal has nobody to tell).
 */
@Component
class ActionNotices {

    static final String APPROVAL_REQUESTED = "action_approval_requested";
    static final String APPROVED = "action_approved";
    static final String DECLINED = "action_declined";
    static final String FAILED = "action_failed";
    static final String WITHDRAWN = "action_withdrawn";

    private final NotificationManagement notifications;
    private final AgentManagement agents;

    ActionNotices(NotificationManagement notifications, AgentManagement agents) {
        this.notifications = notifications;
        this.agents = agents;
    }

    void approvalRequested(Action action, Role approver, String proposer) {
        var text = "Case #%d: %s asks you to approve %s (above their limit)%s"
                .formatted(
                        action.caseNumber(),
                        proposer,
                        action.title(),
                        action.note() == null ? "" : ": " + action.note());
        notifications.notify(Notify.of(
                approvers(action, approver), APPROVAL_REQUESTED, action.caseId().value(), text, once(action, "asked")));
    }

    void decided(Action action, boolean approved, String approver, @Nullable String reason) {
        if (action.proposedBy() == null) {
            return;
        }
        var to = Set.of(action.proposedBy());
        if (approved) {
            notifications.notify(Notify.of(
                    to,
                    APPROVED,
                    action.caseId().value(),
                    "Case #%d: %s approved %s; it runs now.".formatted(action.caseNumber(), approver, action.title()),
                    once(action, "decided")));
        } else {
            notifications.notify(Notify.of(
                    to,
                    DECLINED,
                    action.caseId().value(),
                    "Case #%d: %s declined %s: %s".formatted(action.caseNumber(), approver, action.title(), reason),
                    once(action, "decided")));
        }
    }

    /** A supervisor or admin withdrew the agent's proposal: the agent is told, as of a decision. */
    void withdrawn(Action action, String by) {
        if (action.proposedBy() == null) {
            return;
        }
        notifications.notify(Notify.of(
                Set.of(action.proposedBy()),
                WITHDRAWN,
                action.caseId().value(),
                "Case #%d: %s withdrew %s; it will not run.".formatted(action.caseNumber(), by, action.title()),
                once(action, "decided")));
    }

    /**
     * The approval request is withdrawn: the approvers' notifications of it say so and stop counting
     * as unread, so nobody opens the case to approve what no longer waits.
     */
    void approvalWithdrawn(Action action, String by) {
        approvalSettled(action, by + " withdrew");
    }

    /**
     * One approver decided: every approver's notification of the request says who decided and stops
     * counting as unread, so the others do not open the case to decide what is decided already.
     */
    void approvalDecided(Action action, boolean approved, String approver) {
        approvalSettled(action, approver + (approved ? " approved" : " declined"));
    }

    private void approvalSettled(Action action, String whoDidWhat) {
        notifications.withdraw(
                action.caseId().value(),
                once(action, "asked"),
                "Case #%d: %s %s; it no longer waits for your approval."
                        .formatted(action.caseNumber(), whoDidWhat, action.title()));
    }

    void failed(Action action, String outcome) {
        if (action.proposedBy() == null) {
            return;
        }
        notifications.notify(Notify.of(
                Set.of(action.proposedBy()),
                FAILED,
                action.caseId().value(),
                "Case #%d: %s failed, the company's system did not take it (%s). Tell the customer, or do it by hand and propose it again."
                        .formatted(action.caseNumber(), action.title(), outcome),
                once(action, "failed")));
    }

    private List<AgentId> approvers(Action action, Role approver) {
        var active = agents.list().stream().filter(Agent::active).toList();
        if (approver == Role.SUPERVISOR) {
            var supervisors = active.stream()
                    .filter(a -> a.role() == Role.SUPERVISOR)
                    .filter(a -> action.teamId() == null || a.teamIds().contains(action.teamId()))
                    .map(Agent::id)
                    .toList();
            if (!supervisors.isEmpty()) {
                return supervisors;
            }
        }
        return active.stream()
                .filter(a -> a.role() == Role.ADMIN)
                .map(Agent::id)
                .toList();
    }

    private static String once(Action action, String step) {
        return "actions:" + action.id() + ":" + step;
    }
}
