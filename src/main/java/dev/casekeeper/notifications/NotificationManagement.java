package dev.casekeeper.notifications;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.Slice;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tells agents things in the workspace, once each, and keeps their inbox. */
@Service
@Transactional
public class NotificationManagement {

    private static final Logger log = LoggerFactory.getLogger(NotificationManagement.class);

    private final NotificationQueries notifications;
    private final AgentManagement agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationManagement(
            NotificationQueries notifications, AgentManagement agents, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Tells each recipient, unless they were already told under the same key. Joins the caller's
     * transaction, so an alert and the record of what caused it commit together or not at all.
     *
     * @return how many recipients were told now
     */
    public int notify(Notify notify) {
        int told = 0;
        Instant now = clock.instant();
        for (var recipient : notify.recipients()) {
            var id = UUID.randomUUID();
            if (notifications.insert(
                    id, recipient.value(), notify.kind(), notify.caseId(), notify.text(), notify.onceKey(), now)) {
                told++;
                events.publishEvent(
                        new NotificationCreated(id, recipient, notify.kind(), notify.caseId(), notify.text()));
            }
        }
        if (told > 0) {
            log.info("Told {} agent(s) {} about case {}", told, notify.kind(), notify.caseId());
        }
        return told;
    }

    /**
     * Replaces the text of the notifications about these cases told under a key starting with one of
     * these prefixes: a module whose notifications quoted a customer calls it when her words are
     * erased. Answers how many were rewritten.
     */
    public int replaceTexts(Collection<UUID> cases, Collection<String> keyPrefixes, String text) {
        if (cases.isEmpty() || keyPrefixes.isEmpty()) {
            return 0;
        }
        return notifications.replaceTexts(
                cases.toArray(UUID[]::new),
                keyPrefixes.stream()
                        .map(prefix ->
                                prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                        .toArray(String[]::new),
                text);
    }

    /**
     * Takes back what was told about a case under this key, once it no longer waits for anyone (an
     * approval request withdrawn): the unread ones are marked read, so the bell stops counting them,
     * and every one's text is replaced by {@code text}, so nobody opens the case to act on it. Joins
     * the caller's transaction. Answers how many were taken back.
     */
    public int withdraw(UUID caseId, String onceKey, String text) {
        var unread = notifications.withdraw(caseId, onceKey, text, clock.instant());
        for (var recipient : unread) {
            events.publishEvent(new NotificationsRead(recipient));
        }
        return unread.size();
    }

    /**
     * The supervisors of a team: active agents with the supervisor role who are members of it. A
     * team without one (or no team) falls back to every active supervisor, and with none of those
     * to the admins, so an alert meant for a supervisor always reaches someone who can act.
     */
    @Transactional(readOnly = true)
    public Set<AgentId> supervisorsOf(Collection<TeamId> teams) {
        var active = agents.list().stream().filter(Agent::active).toList();
        var ofTeams = ids(active.stream()
                .filter(a -> a.role() == Role.SUPERVISOR && a.teamIds().stream().anyMatch(teams::contains))
                .toList());
        if (!ofTeams.isEmpty()) {
            return ofTeams;
        }
        var supervisors =
                ids(active.stream().filter(a -> a.role() == Role.SUPERVISOR).toList());
        return supervisors.isEmpty()
                ? ids(active.stream().filter(a -> a.role() == Role.ADMIN).toList())
                : supervisors;
    }

    /** Active members of a team, whatever their role. */
    @Transactional(readOnly = true)
    public Set<AgentId> membersOf(TeamId team) {
        return ids(agents.list().stream()
                .filter(a -> a.active() && a.teamIds().contains(team))
                .toList());
    }

    /** The teams an agent belongs to. */
    @Transactional(readOnly = true)
    public List<TeamId> teamsOf(AgentId agent) {
        return agents.find(agent).teamIds();
    }

    /** The caller's inbox: unread first, then newest first. */
    @Transactional(readOnly = true)
    public Inbox inbox(SignedInAgent me, @Nullable String cursor, int limit) {
        var rows = notifications.inbox(me.id().value(), cursor == null ? null : decode(cursor), limit + 1);
        var page = rows.stream().limit(limit).toList();
        String next = rows.size() > limit ? encode(page.getLast()) : null;
        return new Inbox(new Slice<>(page, next), notifications.unread(me.id().value()));
    }

    /** Marks one of the caller's notifications read; someone else's is not found. */
    public Notification markRead(UUID id, SignedInAgent me) {
        var found = notifications
                .find(id)
                .filter(n -> n.recipientId().equals(me.id()))
                .orElseThrow(() -> new NotFoundException("Notification", id));
        notifications.markRead(found.id(), clock.instant());
        return notifications.find(id).orElseThrow();
    }

    /** Marks every unread notification of the caller read; the inbox's live count drops to zero. */
    public int markAllRead(SignedInAgent me) {
        return notifications.markAllRead(me.id().value(), clock.instant());
    }

    /** How many of the caller's notifications are unread, for the bell. */
    @Transactional(readOnly = true)
    public long unread(SignedInAgent me) {
        return notifications.unread(me.id().value());
    }

    /** One page of an inbox and how many of all its notifications are unread. */
    public record Inbox(Slice<Notification> page, long unread) {}

    private static Set<AgentId> ids(List<Agent> agents) {
        return agents.stream().map(Agent::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String encode(Notification last) {
        String raw = (last.readAt() == null ? "1" : "0") + "|" + last.createdAt() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static NotificationQueries.Position decode(String cursor) {
        try {
            var parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
            return new NotificationQueries.Position(
                    parts[0].equals("1"), Instant.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "is not a cursor this API returned");
        }
    }
}
