package dev.casekeeper.cases;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.audit.AuditKind;
import dev.casekeeper.audit.AuditLog;
import dev.casekeeper.audit.AuditSubject;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges and links between cases. A duplicate merged into another case is closed, both timelines
 * record it, and the target's timeline shows the duplicate's entries; a link ties a problem to the
 * incidents it causes. Both happen in one transaction under both cases' row locks (a refusal
 * changes nothing) and a supervisor may undo either within {@link CaseRelationSettings#undoPeriod()}.
 * An agent merges and links only cases they can see.
 */
@Service
@Transactional
public class CaseRelations {

    private static final Logger log = LoggerFactory.getLogger(CaseRelations.class);

    private final CaseQueries cases;
    private final CaseRelationQueries relations;
    private final CaseWriter writer;
    private final ApplicationEventPublisher events;
    private final CaseRelationSettings settings;
    private final Clock clock;
    private final AuditLog audit;

    CaseRelations(
            CaseQueries cases,
            CaseRelationQueries relations,
            CaseWriter writer,
            ApplicationEventPublisher events,
            CaseRelationSettings settings,
            Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.cases = cases;
        this.relations = relations;
        this.writer = writer;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Merges a duplicate into another case: the duplicate is told (once, with the command's message),
     * closed with a pointer to the target, and the target records where the duplicate's timeline came
     * from.
     *
     * @throws NotFoundException when either case is unknown or not visible to the agent
     * @throws ConflictException when merging a case into itself, or either case is closed
     */
    public CaseMerge merge(MergeCases command, SignedInAgent by) {
        if (command.sourceId().equals(command.targetId())) {
            throw new ConflictException("merge-into-itself", "A case cannot be merged into itself");
        }
        var locked = lockBoth(command.sourceId(), command.targetId(), by);
        var source = locked.get(command.sourceId().value());
        var target = locked.get(command.targetId().value());
        source.requireOpenFor("a merge");
        if (target.isClosed()) {
            throw new ConflictException(
                    "merge-target-closed",
                    "Case " + target.number + " is closed; a duplicate is merged into a case still being worked");
        }
        Instant now = clock.instant();
        var before = source.status;
        UUID reply = null;
        if (command.message() != null && !command.message().isBlank()) {
            source.replied(now);
            reply = writer.message(
                    source.id,
                    EntryKind.MESSAGE_OUT,
                    by.actor(),
                    command.message().strip(),
                    null,
                    null,
                    now);
        }
        source.closeUnsolved("a merge", now);
        var mergeId = UUID.randomUUID();
        relations.insertMerge(mergeId, source.id, target.id, before, by.actor(), now);
        writer.event(source.id, by.actor(), new TimelineEvent.MergedInto(mergeId, id(target), target.number), now);
        writer.event(target.id, by.actor(), new TimelineEvent.MergedFrom(mergeId, id(source), source.number), now);
        writer.save(source, by.actor(), now);
        writer.save(target, by.actor(), now);
        if (reply != null) {
            events.publishEvent(new ReplyPosted(id(source), reply, by.id(), source.channel));
        }
        events.publishEvent(new StatusChanged(id(source), before, CaseStatus.CLOSED));
        events.publishEvent(new CasesMerged(mergeId, id(source), id(target)));
        audit.record(
                AuditKind.CASES_MERGED,
                by.actor(),
                AuditSubject.of("case", source.id),
                "Merged case #" + source.number + " into case #" + target.number);
        log.info("Case {} merged into case {} by {}", source.id, target.id, by.id());
        return merge(relations.activeMergeOf(source.id).orElseThrow(), source.number, target.number);
    }

    /**
     * Undoes the standing merge of a duplicate: it is back in the status it had, and the target's
     * timeline no longer shows its entries. Supervisors and admins only, within the undo period.
     */
    public CaseMerge undoMerge(CaseId sourceId, SignedInAgent by) {
        requireSupervisor(by, "undo a merge");
        var row = relations.activeMergeOf(sourceId.value()).orElseThrow(() -> new NotFoundException("Merge", sourceId));
        requireWithinPeriod(row.mergedAt(), "merge");
        var locked = lockBoth(sourceId, new CaseId(row.targetId()), by);
        var source = locked.get(row.sourceId());
        var target = locked.get(row.targetId());
        Instant now = clock.instant();
        relations.undoMerge(row.id(), by.id().value(), now);
        source.reopenAfterMerge(row.sourceStatus());
        var undone = new TimelineEvent.MergeUndone(row.id(), id(source), source.number, id(target), target.number);
        writer.event(source.id, by.actor(), undone, now);
        writer.event(target.id, by.actor(), undone, now);
        writer.save(source, by.actor(), now);
        writer.save(target, by.actor(), now);
        events.publishEvent(new StatusChanged(id(source), CaseStatus.CLOSED, source.status));
        audit.record(
                AuditKind.CASE_MERGE_UNDONE,
                by.actor(),
                AuditSubject.of("case", source.id),
                "Undid the merge of case #" + source.number + " into case #" + target.number);
        log.info("Merge of case {} into case {} undone by {}", source.id, target.id, by.id());
        return merge(
                relations.mergesOf(source.id).stream()
                        .filter(m -> m.id().equals(row.id()))
                        .findFirst()
                        .orElseThrow(),
                source.number,
                target.number);
    }

    /**
     * Links an incident ({@code childId}) to the problem that causes it ({@code parentId}); both
     * timelines record it. Cases of any status may be linked, each pair once.
     */
    public CaseLink link(CaseId parentId, CaseId childId, SignedInAgent by) {
        if (parentId.equals(childId)) {
            throw new ConflictException("link-to-itself", "A case cannot be linked to itself");
        }
        var locked = lockBoth(parentId, childId, by);
        var parent = locked.get(parentId.value());
        var child = locked.get(childId.value());
        if (relations.linked(parent.id, child.id)) {
            throw new ConflictException(
                    "already-linked", "Cases " + parent.number + " and " + child.number + " are already linked");
        }
        Instant now = clock.instant();
        var linkId = UUID.randomUUID();
        relations.insertLink(linkId, parent.id, child.id, by.actor(), now);
        writer.event(
                parent.id, by.actor(), new TimelineEvent.CaseLinked(linkId, id(child), child.number, "parent"), now);
        writer.event(
                child.id, by.actor(), new TimelineEvent.CaseLinked(linkId, id(parent), parent.number, "child"), now);
        writer.save(parent, by.actor(), now);
        writer.save(child, by.actor(), now);
        return link(relations.link(linkId).orElseThrow(), parent.number, child.number);
    }

    /** Removes a standing link of the case. Supervisors and admins only, within the undo period. */
    public CaseLink unlink(CaseId caseId, UUID linkId, SignedInAgent by) {
        requireSupervisor(by, "remove a link");
        var row = relations
                .link(linkId)
                .filter(l -> l.unlinkedAt() == null)
                .filter(l -> l.parentId().equals(caseId.value()) || l.childId().equals(caseId.value()))
                .orElseThrow(() -> new NotFoundException("Link", linkId));
        requireWithinPeriod(row.linkedAt(), "link");
        var locked = lockBoth(new CaseId(row.parentId()), new CaseId(row.childId()), by);
        var parent = locked.get(row.parentId());
        var child = locked.get(row.childId());
        Instant now = clock.instant();
        relations.unlink(linkId, by.id().value(), now);
        writer.event(parent.id, by.actor(), new TimelineEvent.CaseUnlinked(linkId, id(child), child.number), now);
        writer.event(child.id, by.actor(), new TimelineEvent.CaseUnlinked(linkId, id(parent), parent.number), now);
        writer.save(parent, by.actor(), now);
        writer.save(child, by.actor(), now);
        return link(relations.link(linkId).orElseThrow(), parent.number, child.number);
    }

    /** The case's merges and links, oldest first, leaving out those with a case the viewer may not see. */
    @Transactional(readOnly = true)
    public CaseRelationsView of(CaseId id, SignedInAgent viewer) {
        CaseVisibility.visible(cases.find(id.value()).orElse(null), viewer, id);
        var merges = new ArrayList<CaseMerge>();
        for (var row : relations.mergesOf(id.value())) {
            var source = visible(row.sourceId(), viewer);
            var target = visible(row.targetId(), viewer);
            if (source != null && target != null) {
                merges.add(merge(row, source.number, target.number));
            }
        }
        var links = new ArrayList<CaseLink>();
        for (var row : relations.linksOf(id.value())) {
            var parent = visible(row.parentId(), viewer);
            var child = visible(row.childId(), viewer);
            if (parent != null && child != null) {
                links.add(link(row, parent.number, child.number));
            }
        }
        return new CaseRelationsView(List.copyOf(merges), List.copyOf(links));
    }

    /** The standing links where this case is the problem: its incidents. No access check. */
    @Transactional(readOnly = true)
    public List<CaseId> children(CaseId parentId) {
        return relations.linksOf(parentId.value()).stream()
                .filter(l -> l.unlinkedAt() == null && l.parentId().equals(parentId.value()))
                .map(l -> new CaseId(l.childId()))
                .toList();
    }

    /** Whether the agent may undo merges and remove links: supervisors and admins. */
    public static boolean mayUndo(SignedInAgent agent) {
        return agent.role().seesAllTeams();
    }

    private @Nullable Case visible(UUID id, SignedInAgent viewer) {
        return cases.find(id).filter(c -> CaseVisibility.canSee(c, viewer)).orElse(null);
    }

    /** Locks both cases, always in the same order, so two merges of one pair never wait on each other. */
    private Map<UUID, Case> lockBoth(CaseId one, CaseId other, SignedInAgent by) {
        var first = one.value().compareTo(other.value()) < 0 ? one : other;
        var second = first == one ? other : one;
        var a = CaseVisibility.visible(cases.lock(first.value()).orElse(null), by, first);
        var b = CaseVisibility.visible(cases.lock(second.value()).orElse(null), by, second);
        return Map.of(a.id, a, b.id, b);
    }

    private void requireSupervisor(SignedInAgent by, String what) {
        if (!mayUndo(by)) {
            throw new AccessDeniedException("Only supervisors and admins may " + what);
        }
    }

    private void requireWithinPeriod(Instant at, String what) {
        if (clock.instant().isAfter(at.plus(settings.undoPeriod()))) {
            throw new ConflictException(
                    "undo-period-over",
                    "This " + what + " is older than " + settings.undoPeriod().toDays()
                            + " days and can no longer be undone");
        }
    }

    private @Nullable Instant undoableUntil(Instant at, @Nullable Instant undoneAt) {
        return undoneAt == null ? at.plus(settings.undoPeriod()) : null;
    }

    private CaseMerge merge(CaseRelationQueries.MergeRow row, long sourceNumber, long targetNumber) {
        return new CaseMerge(
                row.id(),
                new CaseId(row.sourceId()),
                sourceNumber,
                new CaseId(row.targetId()),
                targetNumber,
                row.mergedAt(),
                row.undoneAt(),
                undoableUntil(row.mergedAt(), row.undoneAt()));
    }

    private CaseLink link(CaseRelationQueries.LinkRow row, long parentNumber, long childNumber) {
        return new CaseLink(
                row.id(),
                new CaseId(row.parentId()),
                parentNumber,
                new CaseId(row.childId()),
                childNumber,
                row.linkedAt(),
                row.unlinkedAt(),
                undoableUntil(row.linkedAt(), row.unlinkedAt()));
    }

    private static CaseId id(Case kase) {
        return new CaseId(kase.id);
    }
}
