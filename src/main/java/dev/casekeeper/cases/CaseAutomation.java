package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What automations (triggers, time-based automations) do to a case as Casekeeper: change its status,
 * priority, tags, team and owner, write internal notes, and email the customer. Every change is recorded like an agent's
 * (history, timeline, events), with the system as its author; a change the case's rules refuse (a
 * transition that is not allowed, a solve an open promise stands in the way of, a closed case) is
 * left out rather than failing the change the automation reacted to.
 */
@Service
@Transactional
public class CaseAutomation {

    /** What to change; null and empty parts stay as they are. */
    public record Change(
            @Nullable CaseStatus status,
            @Nullable Priority priority,
            List<String> addTags,
            List<String> removeTags,
            @Nullable TeamId teamId,
            @Nullable AgentId ownerId) {

        public Change {
            addTags = List.copyOf(addTags);
            removeTags = List.copyOf(removeTags);
        }
    }

    /** A case in a status, and since when (the last move into it, or its opening). */
    public record InStatus(CaseId caseId, Instant since) {}

    private final CaseQueries cases;
    private final CaseWriter writer;
    private final AgentManagement agents;
    private final List<CaseCloseGuard> guards;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseAutomation(
            CaseQueries cases,
            CaseWriter writer,
            AgentManagement agents,
            List<CaseCloseGuard> guards,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock) {
        this.cases = cases;
        this.writer = writer;
        this.agents = agents;
        this.guards = List.copyOf(guards);
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Applies the change as {@code by}; answers what changed, one short line per field
     * ({@code priority=high}, {@code tags+=vip}, {@code owner=Ana Silva}); empty when nothing did.
     * {@code reason} is what a transfer's handover says (the automation's name).
     */
    public List<String> apply(CaseId id, Change change, String reason, Actor by) {
        var kase = cases.lock(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
        if (kase.isClosed()) {
            return List.of();
        }
        Instant now = clock.instant();
        var done = new ArrayList<String>();
        var statusBefore = kase.status;
        var priorityBefore = kase.priority;
        var tagsBefore = kase.tags;
        var ownerBefore = kase.ownerId;
        if (change.status() != null && change.status() != kase.status && kase.status.canBecome(change.status())) {
            if (!guarded(id, change.status())) {
                kase.moveTo(change.status(), now);
                done.add("status=" + change.status().value());
            }
        }
        if (change.priority() != null && change.priority() != kase.priority) {
            kase.prioritize(change.priority());
            done.add("priority=" + change.priority().value());
        }
        if (!change.addTags().isEmpty() || !change.removeTags().isEmpty()) {
            var remove = Set.copyOf(Tags.normalize(change.removeTags()));
            var tags = new LinkedHashSet<String>(kase.tags);
            tags.removeAll(remove);
            tags.addAll(Tags.normalize(change.addTags()));
            var next = Tags.normalize(List.copyOf(tags));
            if (!next.equals(kase.tags)) {
                next.stream().filter(t -> !kase.tags.contains(t)).forEach(t -> done.add("tags+=" + t));
                kase.tags.stream().filter(t -> !next.contains(t)).forEach(t -> done.add("tags-=" + t));
                kase.retag(next);
            }
        }
        var owner = owner(kase, change, reason, by, now);
        if (owner != null) {
            done.add(owner);
        }
        if (kase.changes().isEmpty()) {
            return List.of();
        }
        writer.save(kase, by, now);
        if (statusBefore != kase.status) {
            events.publishEvent(new StatusChanged(id, statusBefore, kase.status));
        }
        if (priorityBefore != kase.priority) {
            events.publishEvent(new PriorityChanged(id, priorityBefore, kase.priority));
        }
        if (!tagsBefore.equals(kase.tags)) {
            events.publishEvent(new TagsChanged(id, tagsBefore, kase.tags));
        }
        if (owner != null) {
            events.publishEvent(new OwnerChanged(
                    id,
                    kase.ownerId == null ? null : new AgentId(kase.ownerId),
                    kase.teamId == null ? null : new TeamId(kase.teamId),
                    ownerBefore != null || owner.startsWith("team="),
                    null));
        }
        return List.copyOf(done);
    }

    /** Moves the case to the team's queue or to the agent, when that is a change; answers the line. */
    private @Nullable String owner(Case kase, Change change, String reason, Actor by, Instant now) {
        if (change.teamId() != null && !(change.teamId().value().equals(kase.teamId) && kase.ownerId == null)) {
            var team = agents.findTeam(change.teamId());
            var from = kase.ownerId == null ? null : new AgentId(kase.ownerId);
            kase.transferToTeam(team.id());
            writer.event(
                    kase.id,
                    by,
                    new TimelineEvent.Transferred(from, null, null, team.id(), team.name(), reason, reason),
                    now);
            return "team=" + team.name();
        }
        if (change.ownerId() != null && !change.ownerId().value().equals(kase.ownerId)) {
            var agent = agents.findActive(change.ownerId()).orElse(null);
            if (agent == null) {
                return null; // a deactivated agent owns nothing new; the rest of the change still applies
            }
            if (kase.ownerId == null) {
                kase.assign(agent.id());
                writer.event(kase.id, by, new TimelineEvent.Assigned(agent.id(), agent.name()), now);
            } else {
                var from = new AgentId(kase.ownerId);
                boolean keepTeam = kase.teamId != null && agent.teamIds().contains(new TeamId(kase.teamId));
                kase.transferToAgent(
                        agent.id(),
                        keepTeam || agent.teamIds().isEmpty()
                                ? null
                                : agent.teamIds().getFirst());
                writer.event(
                        kase.id,
                        by,
                        new TimelineEvent.Transferred(from, agent.id(), agent.name(), null, null, reason, reason),
                        now);
            }
            return "owner=" + agent.name();
        }
        return null;
    }

    /** An internal note by {@code by}; none on a closed case. */
    public void note(CaseId id, String body, Actor by) {
        var kase = cases.lock(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
        if (kase.isClosed()) {
            return;
        }
        Instant now = clock.instant();
        writer.message(kase.id, EntryKind.NOTE, by, body, null, null, now);
        writer.save(kase, by, now);
    }

    /**
     * A reply Casekeeper sends the customer on its own (an automation's email): on the timeline as a
     * reply by the system with the {@link AutomatedReply} facts, delivered by the channels like an
     * agent's ({@link ReplyPosted} without an author); {@code emailTo}, an address to send it to by
     * email whatever the case's channel. It is no agent's response: the case stays new, and its
     * first-response and waiting clocks keep running. None on a closed case (empty).
     */
    public java.util.Optional<UUID> reply(
            CaseId id, String body, String html, @Nullable String emailTo, AutomatedReply sentBy) {
        var kase = cases.lock(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
        if (kase.isClosed()) {
            return java.util.Optional.empty();
        }
        Instant now = clock.instant();
        var entry = writer.message(kase.id, EntryKind.MESSAGE_OUT, Actor.SYSTEM, body, html, sentBy, now);
        writer.save(kase, Actor.SYSTEM, now);
        events.publishEvent(new ReplyPosted(id, entry, null, kase.channel, emailTo));
        return java.util.Optional.of(entry);
    }

    /** Records the event on the case's timeline as {@code by}. */
    public void record(CaseId id, TimelineEvent event, Actor by) {
        writer.event(id.value(), by, event, clock.instant());
    }

    /**
     * Cases in the status since {@code before} or earlier, longest first, leaving out the ids given:
     * for a time-based automation's pass (a batch at a time) and its dry-run.
     */
    @Transactional(readOnly = true)
    public List<InStatus> inStatusSince(CaseStatus status, Instant before, Set<UUID> skip, int limit) {
        return jdbc.sql("""
                        select id, since from (
                            select c.id, coalesce((select max(h.at) from cases.history h
                                                    where h.case_id = c.id and h.field = 'status'),
                                                  c.created_at) as since
                              from cases.support_case c
                             where c.status = :status and c.removed_at is null
                               and not (c.id = any(:skip))) s
                        where since <= :before
                        order by since, id
                        limit :limit
                        """)
                .param("status", status.value())
                .param("before", Timestamp.from(before))
                .param("skip", skip.toArray(UUID[]::new))
                .param("limit", limit)
                .query((rs, n) -> new InStatus(
                        new CaseId(rs.getObject("id", UUID.class)),
                        rs.getTimestamp("since").toInstant()))
                .list();
    }

    /** Cases not closed, most recently changed first: what a trigger's dry-run looks through. */
    @Transactional(readOnly = true)
    public List<CaseSummary> notClosed(int limit) {
        return jdbc.sql("""
                        select id from cases.support_case
                         where status <> 'closed' and removed_at is null
                         order by updated_at desc, id
                         limit :limit
                        """).param("limit", limit).query(UUID.class).list().stream()
                .map(caseId -> cases.find(caseId).map(Case::summary))
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    /**
     * Tags as a case stores them (lower case, trimmed, unique).
     *
     * @throws dev.casekeeper.shared.InvalidInputException naming {@code tags} when one is not a tag
     */
    public static List<String> tags(List<String> tags) {
        return Tags.normalize(tags);
    }

    private boolean guarded(CaseId id, CaseStatus target) {
        if (target != CaseStatus.SOLVED && target != CaseStatus.CLOSED) {
            return false;
        }
        return guards.stream().anyMatch(g -> g.refusal(id, target).isPresent());
    }
}
