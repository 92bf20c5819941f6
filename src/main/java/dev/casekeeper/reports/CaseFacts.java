package dev.casekeeper.reports;

import dev.casekeeper.assist.FrustrationLevel;
import dev.casekeeper.assist.MessageFrustration;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.sla.OpenTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What reports count of one case, worked out from the case and its timeline alone: the same case
 * gives the same facts however often it is read, which is what makes the listeners idempotent.
 */
record CaseFacts(
        CaseSummary kase,
        LocalDate createdDay,
        @Nullable Long firstResponseSecs,
        @Nullable Long firstResponseBusinessSecs,
        @Nullable LocalDate solvedDay,
        @Nullable Long resolutionSecs,
        @Nullable Long resolutionBusinessSecs,
        int transfers,
        @Nullable Integer firstFrustration,
        @Nullable Integer lastFrustration,
        List<Moment> moments) {

    /** A timeline entry a figure counts, with the day it counts on. */
    record Moment(
            UUID entryId,
            MomentKind kind,
            Instant at,
            LocalDate day,
            @Nullable UUID agentId,
            @Nullable String label,
            @Nullable Long secs,
            @Nullable Boolean flag) {}

    /** Whether the case's first-response target was breached: an SLA breach of it on the timeline. */
    boolean firstResponseBreached() {
        return breached("first_response");
    }

    /** Whether the case's resolution target was breached. */
    boolean resolutionBreached() {
        return breached("resolution");
    }

    private boolean breached(String target) {
        return moments.stream().anyMatch(m -> m.kind() == MomentKind.SLA_BREACHED && target.equals(m.label()));
    }

    /**
     * The facts of the case; {@code open} measures its first response and resolution in business
     * hours (its SLA policy's calendar, from the {@code sla} module: reports keep no calendar of their own);
     * {@code scores} are the frustration scores of its customer messages, oldest first (from {@code assist},
     * stored once per message, so they read the same on every refresh).
     */
    static CaseFacts of(CaseDetail detail, ZoneId zone, OpenTime open, List<MessageFrustration> scores) {
        var kase = detail.summary();
        var moments = new ArrayList<Moment>();
        UUID owner = kase.ownerId() == null ? null : kase.ownerId().value();
        int transfers = 0;
        var promises = new HashMap<UUID, TimelineEntry>();
        var promisesKept = new HashMap<UUID, Instant>();
        var promisesOverdue = new HashMap<UUID, Instant>();
        var callbackWindows = new HashMap<UUID, Instant>();
        TimelineEntry latestRating = null;
        var heated = scores.stream()
                .filter(s -> s.score().level() == FrustrationLevel.HEATED)
                .findFirst()
                .orElse(null);
        Instant supervisorJoined = null;
        for (var entry : detail.timeline()) {
            var at = entry.createdAt();
            switch (entry.event()) {
                case TimelineEvent.SupervisorJoined j -> {
                    if (supervisorJoined == null && heated != null && !at.isBefore(heated.at())) {
                        supervisorJoined = at;
                    }
                }
                case TimelineEvent.StatusChanged s
                when s.from() == CaseStatus.SOLVED && s.to() != CaseStatus.CLOSED ->
                    moments.add(moment(entry, MomentKind.REOPENED, at, zone, owner, null, null, null));
                case TimelineEvent.Transferred t -> transfers++;
                case TimelineEvent.HoldEnded h ->
                    moments.add(moment(
                            entry,
                            MomentKind.HOLD,
                            at,
                            zone,
                            agentOf(entry.author(), owner),
                            null,
                            h.held().toSeconds(),
                            h.pastLimit()));
                case TimelineEvent.SlaWarned w ->
                    moments.add(
                            moment(entry, MomentKind.SLA_WARNED, at, zone, owner, w.target(), (long) w.cycle(), null));
                case TimelineEvent.SlaBreached b ->
                    moments.add(moment(entry, MomentKind.SLA_BREACHED, at, zone, owner, b.target(), null, null));
                case TimelineEvent.PromiseRecorded p -> promises.put(p.followupId(), entry);
                case TimelineEvent.PromiseKept k -> promisesKept.putIfAbsent(k.followupId(), at);
                case TimelineEvent.PromiseOverdue o -> promisesOverdue.putIfAbsent(o.followupId(), at);
                case TimelineEvent.PromiseWithdrawn w -> promises.remove(w.followupId());
                case TimelineEvent.CallbackRequested c -> callbackWindows.put(c.callbackId(), c.windowUntil());
                case TimelineEvent.CallbackRetry r -> callbackWindows.put(r.callbackId(), r.windowUntil());
                case TimelineEvent.CallbackDone d -> {
                    var until = callbackWindows.get(d.callbackId());
                    moments.add(moment(
                            entry,
                            MomentKind.CALLBACK,
                            at,
                            zone,
                            agentOf(entry.author(), owner),
                            d.outcome(),
                            null,
                            until == null || !at.isAfter(until)));
                }
                case TimelineEvent.SatisfactionRated r -> latestRating = entry;
                case TimelineEvent.ComplimentReceived c ->
                    moments.add(moment(
                            entry,
                            MomentKind.COMPLIMENT,
                            at,
                            zone,
                            c.agentId() == null ? owner : c.agentId().value(),
                            null,
                            null,
                            null));
                case TimelineEvent.ComplaintOpened c ->
                    moments.add(moment(entry, MomentKind.COMPLAINT, at, zone, owner, null, null, null));
                case null, default -> {}
            }
        }
        promises.forEach((id, entry) -> {
            var recorded = (TimelineEvent.PromiseRecorded) entry.event();
            var kept = promisesKept.get(id);
            boolean overdue = promisesOverdue.containsKey(id);
            if (kept == null && !overdue) {
                return; // still open and not yet due: it counts once it is kept or missed
            }
            UUID agent = recorded.ownerId() == null ? owner : recorded.ownerId().value();
            moments.add(moment(
                    entry,
                    MomentKind.PROMISE,
                    recorded.dueAt(),
                    zone,
                    agent,
                    null,
                    null,
                    kept != null && !kept.isAfter(recorded.dueAt())));
        });
        if (latestRating != null) {
            var rating = (TimelineEvent.SatisfactionRated) latestRating.event();
            moments.add(moment(
                    latestRating,
                    MomentKind.RATING,
                    latestRating.createdAt(),
                    zone,
                    owner,
                    rating.score(),
                    null,
                    null));
        }
        if (heated != null) {
            // The first time the case became heated, and the first supervisor who joined it since.
            moments.add(new Moment(
                    heated.entryId(),
                    MomentKind.HEATED,
                    heated.at(),
                    day(heated.at(), zone),
                    owner,
                    null,
                    supervisorJoined == null ? null : seconds(heated.at(), supervisorJoined),
                    supervisorJoined != null));
        }
        return new CaseFacts(
                kase,
                day(kase.createdAt(), zone),
                kase.firstResponseAt() == null ? null : seconds(kase.createdAt(), kase.firstResponseAt()),
                kase.firstResponseAt() == null
                        ? null
                        : open.between(kase.createdAt(), kase.firstResponseAt()).toSeconds(),
                kase.solvedAt() == null ? null : day(kase.solvedAt(), zone),
                kase.solvedAt() == null ? null : seconds(kase.createdAt(), kase.solvedAt()),
                kase.solvedAt() == null
                        ? null
                        : open.between(kase.createdAt(), kase.solvedAt()).toSeconds(),
                transfers,
                scores.isEmpty() ? null : scores.getFirst().score().score(),
                scores.isEmpty() ? null : scores.getLast().score().score(),
                List.copyOf(moments));
    }

    private static Moment moment(
            TimelineEntry entry,
            MomentKind kind,
            Instant at,
            ZoneId zone,
            @Nullable UUID agent,
            @Nullable String label,
            @Nullable Long secs,
            @Nullable Boolean flag) {
        return new Moment(entry.id(), kind, at, day(at, zone), agent, label, secs, flag);
    }

    private static @Nullable UUID agentOf(Actor author, @Nullable UUID fallback) {
        return author.kind() == Actor.Kind.AGENT ? author.id() : fallback;
    }

    static LocalDate day(Instant at, ZoneId zone) {
        return LocalDate.ofInstant(at, zone);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
