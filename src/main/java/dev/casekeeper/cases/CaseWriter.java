package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.Actor;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a changed case and its timeline: the entries, one history row per changed field, the
 * status, priority and tag changes as timeline events, and {@link CaseUpdated} for whoever shows
 * the case. Shared by the facades that change cases, so each change is written the same way.
 */
@Component
class CaseWriter {

    private final CaseQueries cases;
    private final TimelineQueries entries;
    private final TimelineJson json;
    private final TimelineAuthors authors;
    private final ApplicationEventPublisher events;

    CaseWriter(
            CaseQueries cases,
            TimelineQueries timeline,
            TimelineJson json,
            TimelineAuthors authors,
            ApplicationEventPublisher events) {
        this.cases = cases;
        this.entries = timeline;
        this.json = json;
        this.authors = authors;
        this.events = events;
    }

    /** A message in or out, or a note; HTML is sanitized here, once, for every channel. */
    UUID message(
            UUID caseId,
            EntryKind kind,
            Actor author,
            String body,
            @Nullable String html,
            @Nullable ChannelFacts facts,
            Instant now) {
        return entries.insertEntry(
                caseId,
                kind,
                author,
                body,
                MessageBodies.sanitize(html),
                null,
                facts == null ? null : json.write(facts),
                now);
    }

    UUID event(UUID caseId, Actor by, TimelineEvent event, Instant now) {
        return entries.insertEntry(
                caseId, EntryKind.EVENT, by, null, null, TimelineJson.typeOf(event.getClass()), json.write(event), now);
    }

    /** Writes what changed in the case, with the history, the timeline events and a {@link CaseUpdated}. */
    void save(Case kase, Actor actor, Instant now) {
        kase.updatedAt = now;
        UUID previousTeam = kase.teamId;
        UUID previousOwner = kase.ownerId;
        for (var change : kase.changes()) {
            cases.recordHistory(kase.id, actor, change.field(), change.before(), change.after(), now);
            switch (change.field()) {
                case "owner" -> previousOwner = change.before() == null ? null : UUID.fromString(change.before());
                case "team" -> previousTeam = change.before() == null ? null : UUID.fromString(change.before());
                default -> {
                    var event = event(change);
                    if (event != null) {
                        event(kase.id, actor, event, now);
                    }
                }
            }
        }
        cases.update(kase);
        events.publishEvent(new CaseUpdated(
                new CaseId(kase.id),
                kase.number,
                kase.teamId == null ? null : new TeamId(kase.teamId),
                kase.ownerId == null ? null : new AgentId(kase.ownerId),
                previousTeam == null ? null : new TeamId(previousTeam),
                previousOwner == null ? null : new AgentId(previousOwner)));
    }

    /** One entry of a case as a reader sees it, with its author's name. */
    TimelineEntry entry(UUID caseId, UUID entryId) {
        return authors.named(
                        entries.entry(caseId, entryId).stream().map(json::entry).toList())
                .getFirst();
    }

    private static @Nullable TimelineEvent event(Case.FieldChange change) {
        return switch (change.field()) {
            case "status" ->
                new TimelineEvent.StatusChanged(CaseStatus.from(change.before()), CaseStatus.from(change.after()));
            case "priority" ->
                new TimelineEvent.PriorityChanged(Priority.from(change.before()), Priority.from(change.after()));
            case "tags" -> new TimelineEvent.TagsChanged(tags(change.before()), tags(change.after()));
            default -> null;
        };
    }

    private static List<String> tags(@Nullable String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
