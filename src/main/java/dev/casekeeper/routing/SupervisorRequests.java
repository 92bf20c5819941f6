package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests for a supervisor (promise 5: always honoured). A request escalates the case to high
 * priority at least, puts it in the supervisors' queue and tells them; while it is open, asking
 * again changes nothing. A supervisor takes it: they join the live contact, or own the case when
 * nobody does, and the timeline records it. A supervisor who becomes the case's owner or answers the
 * customer has taken it too.
 */
@Component
class SupervisorRequests {

    static final String NOTIFICATION = "supervisor_requested";
    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    private static final Logger log = LoggerFactory.getLogger(SupervisorRequests.class);

    private final JdbcClient jdbc;
    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final NotificationManagement notifications;
    private final AgentManagement agents;
    private final ContactQueries contacts;
    private final LiveContactQueries live;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    SupervisorRequests(
            JdbcClient jdbc,
            CaseManagement cases,
            CaseLookup lookup,
            NotificationManagement notifications,
            AgentManagement agents,
            ContactQueries contacts,
            LiveContactQueries live,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.lookup = lookup;
        this.notifications = notifications;
        this.agents = agents;
        this.contacts = contacts;
        this.live = live;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    SupervisorRequest request(CaseId caseId, String source, Actor by) {
        return request(caseId, source, by, true, null);
    }

    /**
     * A customer message asked for a supervisor; {@code notify} false when the supervisors were already
     * told (assist's heated alert). The message opens at most one request, however often it is delivered.
     */
    SupervisorRequest fromMessage(CaseId caseId, UUID messageId, boolean notify) {
        return request(caseId, "message", Actor.SYSTEM, notify, messageId);
    }

    private SupervisorRequest request(
            CaseId caseId, String source, Actor by, boolean notify, @Nullable UUID messageId) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new InvalidInputException(
                    "source", "must be a short lower-case name such as widget, message or agent");
        }
        return transaction.execute(status -> {
            var kase = lookup.detail(caseId).summary();
            var earlier = messageId == null ? Optional.<SupervisorRequest>empty() : ofMessage(messageId);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            var open = openOf(caseId);
            if (open.isPresent()) {
                return open.get();
            }
            var id = UUID.randomUUID();
            var now = clock.instant();
            int inserted = jdbc.sql("""
                            insert into routing.supervisor_request (id, case_id, team_id, source, requested_by, requester_id, requested_at,
                                message_id)
                            values (:id, :case, :team, :source, :by, :requester, :now, :message)
                            on conflict do nothing
                            """)
                    .param("id", id)
                    .param("case", caseId.value())
                    .param("team", kase.teamId() == null ? null : kase.teamId().value())
                    .param("source", source)
                    .param("by", by.kind().value())
                    .param("requester", by.id())
                    .param("now", Timestamp.from(now))
                    .param("message", messageId)
                    .update();
            if (inserted == 0) {
                return (messageId == null ? Optional.<SupervisorRequest>empty() : ofMessage(messageId))
                        .or(() -> openOf(caseId))
                        .orElseThrow();
            }
            cases.escalateTo(caseId, Priority.HIGH, "A supervisor was requested (" + source + ")", by);
            var teams = kase.teamId() == null ? List.<TeamId>of() : List.of(kase.teamId());
            if (notify) {
                notifications.notify(Notify.of(
                        notifications.supervisorsOf(teams),
                        NOTIFICATION,
                        caseId.value(),
                        "Case #%d \"%s\": a supervisor was requested (%s)"
                                .formatted(kase.number(), kase.subject(), source),
                        "routing:supervisor-request:" + id));
            }
            log.info("Case {}: supervisor requested ({})", caseId, source);
            events.publishEvent(new SupervisorRequested(caseId, source, now));
            return find(id).orElseThrow();
        });
    }

    /** The supervisor takes the request: joins the live contact, or becomes the owner of a case nobody owns. */
    SupervisorRequest take(SupervisorRequestId id, SignedInAgent by) {
        requireSupervisor(by);
        return transaction.execute(status -> {
            var request = jdbc.sql("select * from routing.supervisor_request where id = :id for update")
                    .param("id", id.value())
                    .query(SupervisorRequests::row)
                    .optional()
                    .orElseThrow(() -> new NotFoundException("SupervisorRequest", id));
            if (!request.open()) {
                if (by.id().equals(request.takenBy())) {
                    return request;
                }
                throw new ConflictException("request-taken", "Another supervisor already took this request");
            }
            var now = clock.instant();
            markTaken(request, by.id());
            var kase = lookup.detail(request.caseId()).summary();
            var contact = contacts.liveOfCase(request.caseId().value()).filter(c -> c.state() == ContactState.ACCEPTED);
            if (contact.isPresent() && !by.id().value().equals(contact.get().agentId())) {
                if (live.join(contact.get().id(), by.id().value(), Participant.SUPERVISOR, now)) {
                    events.publishEvent(
                            new ColleagueJoined(new ContactId(contact.get().id()), request.caseId(), by.id()));
                }
            } else if (kase.ownerId() == null) {
                cases.assign(request.caseId(), by.id(), by);
            }
            cases.recordEvent(
                    request.caseId(),
                    by.actor(),
                    new TimelineEvent.SupervisorJoined(by.id(), by.name(), request.source()));
            log.info("Case {}: supervisor {} took the request", request.caseId(), by.id());
            events.publishEvent(new SupervisorRequestTaken(id, request.caseId(), by.id()));
            return find(id.value()).orElseThrow();
        });
    }

    /**
     * A supervisor (or admin) became the case's owner or answered the customer: the open request for a
     * supervisor is theirs, as if they had taken it from the queue, so it no longer waits there. Anyone
     * else, or a case without an open request, changes nothing; so does the same news delivered again.
     */
    void honouredBy(CaseId caseId, AgentId agentId) {
        var agent = agents.findActive(agentId).filter(a -> a.role().seesAllTeams());
        if (agent.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> jdbc.sql(
                        "select * from routing.supervisor_request where case_id = :case and taken_at is null for update")
                .param("case", caseId.value())
                .query(SupervisorRequests::row)
                .optional()
                .ifPresent(request -> {
                    markTaken(request, agentId);
                    // Taking a heated case over records the joining itself; the timeline says it once.
                    if (!joinedSince(caseId, agentId, request.requestedAt())) {
                        cases.recordEvent(
                                caseId,
                                Actor.agent(agentId.value()),
                                new TimelineEvent.SupervisorJoined(
                                        agentId, agent.get().name(), request.source()));
                    }
                    log.info(
                            "Case {}: supervisor {} owns or answered it, the request for a supervisor is theirs",
                            caseId,
                            agentId);
                    events.publishEvent(new SupervisorRequestTaken(request.id(), caseId, agentId));
                }));
    }

    private boolean joinedSince(CaseId caseId, AgentId agentId, Instant since) {
        return lookup.detail(caseId).timeline().stream()
                .anyMatch(e -> !e.createdAt().isBefore(since)
                        && e.event() instanceof TimelineEvent.SupervisorJoined joined
                        && joined.supervisorId().equals(agentId));
    }

    private void markTaken(SupervisorRequest request, AgentId by) {
        jdbc.sql("update routing.supervisor_request set taken_by = :by, taken_at = :now where id = :id")
                .param("id", request.id().value())
                .param("by", by.value())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Open requests, oldest first: the supervisors' escalation queue. */
    List<SupervisorRequest> open(SignedInAgent viewer) {
        requireSupervisor(viewer);
        return jdbc.sql(
                        "select * from routing.supervisor_request where taken_at is null order by requested_at, id limit 500")
                .query(SupervisorRequests::row)
                .list();
    }

    /** The case's request still open, or the latest taken one. */
    Optional<SupervisorRequest> latestOf(CaseId caseId) {
        return jdbc.sql(
                        "select * from routing.supervisor_request where case_id = :case order by taken_at is null desc, requested_at desc limit 1")
                .param("case", caseId.value())
                .query(SupervisorRequests::row)
                .optional();
    }

    private Optional<SupervisorRequest> openOf(CaseId caseId) {
        return jdbc.sql("select * from routing.supervisor_request where case_id = :case and taken_at is null")
                .param("case", caseId.value())
                .query(SupervisorRequests::row)
                .optional();
    }

    private Optional<SupervisorRequest> ofMessage(UUID messageId) {
        return jdbc.sql("select * from routing.supervisor_request where message_id = :message")
                .param("message", messageId)
                .query(SupervisorRequests::row)
                .optional();
    }

    private Optional<SupervisorRequest> find(UUID id) {
        return jdbc.sql("select * from routing.supervisor_request where id = :id")
                .param("id", id)
                .query(SupervisorRequests::row)
                .optional();
    }

    static void requireSupervisor(SignedInAgent viewer) {
        if (!viewer.role().seesAllTeams()) {
            throw new AccessDeniedException("Only supervisors and admins may do this");
        }
    }

    private static SupervisorRequest row(ResultSet rs, int n) throws SQLException {
        var team = rs.getObject("team_id", UUID.class);
        var takenBy = rs.getObject("taken_by", UUID.class);
        var takenAt = rs.getTimestamp("taken_at");
        return new SupervisorRequest(
                new SupervisorRequestId(rs.getObject("id", UUID.class)),
                new CaseId(rs.getObject("case_id", UUID.class)),
                team == null ? null : new TeamId(team),
                rs.getString("source"),
                rs.getTimestamp("requested_at").toInstant(),
                takenBy == null ? null : new AgentId(takenBy),
                takenAt == null ? null : takenAt.toInstant());
    }
}
