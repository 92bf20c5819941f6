package dev.casekeeper.feedback;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.shared.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A complaint opens a case of its own: the customer's words as its first message, on the web
 * channel, in the original case's team, with the complaint priority and tag (so the complaint SLA
 * policy applies, {@link ComplaintPolicy}), owned by a supervisor of the team (the first by name;
 * every active supervisor of it is told). Both cases record the link, so the complaint is never lost
 * in the original case.
 */
@Component
class Complaints {

    static final String COMPLAINED = "complaint";
    private static final Logger log = LoggerFactory.getLogger(Complaints.class);

    private final CaseIntake intake;
    private final CaseManagement cases;
    private final RemarkQueries remarks;
    private final NotificationManagement notifications;
    private final AgentManagement agents;
    private final ComplaintPolicy policy;
    private final FeedbackSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    Complaints(
            CaseIntake intake,
            CaseManagement cases,
            RemarkQueries remarks,
            NotificationManagement notifications,
            AgentManagement agents,
            ComplaintPolicy policy,
            FeedbackSettings settings,
            JdbcClient jdbc,
            Clock clock) {
        this.intake = intake;
        this.cases = cases;
        this.remarks = remarks;
        this.notifications = notifications;
        this.agents = agents;
        this.policy = policy;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean isComplaintCase(CaseId caseId) {
        return jdbc.sql("select exists (select 1 from feedback.complaint where complaint_case_id = :case)")
                .param("case", caseId.value())
                .query(Boolean.class)
                .single();
    }

    Complaint open(CaseSummary kase, CustomerId customer, String subject, String text, List<TeamId> teams) {
        policy.ensure();
        var supervisors = notifications.supervisorsOf(teams);
        var names = supervisors.isEmpty() ? Map.<AgentId, String>of() : agents.names(supervisors);
        @Nullable
        AgentId owner = supervisors.stream()
                .min(Comparator.comparing((AgentId id) -> names.getOrDefault(id, ""))
                        .thenComparing(AgentId::toString))
                .orElse(null);
        var opened = intake.receive(
                        InboundMessage.newCase(subject, text, Channel.WEB, Actor.customer(customer.value()))
                                .withTeam(kase.teamId())
                                .withTags(List.of(settings.complaintTag()))
                                .withPriority(settings.complaintPriority()),
                        Sender.customer(customer))
                .summary();
        if (owner != null) {
            cases.assign(opened.id(), owner, Actor.SYSTEM);
        }
        var agent = kase.ownerId();
        String agentName = agent == null ? null : agents.find(agent).name();
        cases.recordEvent(
                kase.id(),
                Actor.customer(customer.value()),
                new TimelineEvent.ComplaintOpened(opened.id(), opened.number()));
        cases.recordEvent(
                opened.id(),
                Actor.SYSTEM,
                new TimelineEvent.ComplaintAbout(kase.id(), kase.number(), agent, agentName));
        Instant now = clock.instant();
        var complaint = new Complaint(
                UUID.randomUUID(), kase.id(), kase.number(), opened.id(), opened.number(), agent, owner, text, now);
        remarks.insert(complaint, customer.value());
        notifications.notify(Notify.of(
                supervisors,
                COMPLAINED,
                opened.id().value(),
                "Case #%d: a complaint about case #%d \"%s\"%s"
                        .formatted(
                                opened.number(),
                                kase.number(),
                                kase.subject(),
                                agentName == null ? "" : " (owned by " + agentName + ")"),
                "complaint:" + complaint.id()));
        log.info(
                "Case {}: complaint {} opened case {} for supervisor {}",
                kase.id(),
                complaint.id(),
                opened.id(),
                owner);
        return complaint;
    }
}
