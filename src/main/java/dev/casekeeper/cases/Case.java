package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.shared.ConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The case aggregate, loaded under a row lock for one change. Its methods hold the rules; each
 * change it accepts is remembered so the history records exactly what moved.
 */
final class Case {

    record FieldChange(
            String field, @Nullable String before, @Nullable String after) {}

    final UUID id;
    final long number;
    final String subject;
    final UUID requesterId;
    final Channel channel;
    CaseStatus status;
    Priority priority;
    List<String> tags;

    @Nullable
    UUID teamId;

    @Nullable
    UUID ownerId;

    final @Nullable UUID followUpOf;
    final Instant createdAt;
    Instant updatedAt;

    @Nullable
    Instant firstResponseAt;

    @Nullable
    Instant solvedAt;

    @Nullable
    Instant closedAt;

    @Nullable
    Instant waitingSince;

    private final List<FieldChange> changes = new ArrayList<>();

    Case(
            UUID id,
            long number,
            String subject,
            UUID requesterId,
            Channel channel,
            CaseStatus status,
            Priority priority,
            List<String> tags,
            @Nullable UUID teamId,
            @Nullable UUID ownerId,
            @Nullable UUID followUpOf,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant firstResponseAt,
            @Nullable Instant solvedAt,
            @Nullable Instant closedAt,
            @Nullable Instant waitingSince) {
        this.id = id;
        this.number = number;
        this.subject = subject;
        this.requesterId = requesterId;
        this.channel = channel;
        this.status = status;
        this.priority = priority;
        this.tags = List.copyOf(tags);
        this.teamId = teamId;
        this.ownerId = ownerId;
        this.followUpOf = followUpOf;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.firstResponseAt = firstResponseAt;
        this.solvedAt = solvedAt;
        this.closedAt = closedAt;
        this.waitingSince = waitingSince;
    }

    List<FieldChange> changes() {
        return List.copyOf(changes);
    }

    boolean isClosed() {
        return status == CaseStatus.CLOSED;
    }

    void requireOpenFor(String action) {
        if (isClosed()) {
            throw new ConflictException(
                    "case-closed",
                    "Case " + number + " is closed and cannot take " + action
                            + "; a new message from the customer opens a follow-up case");
        }
    }

    void moveTo(CaseStatus next, Instant now) {
        if (next == status) {
            return;
        }
        if (!status.canBecome(next)) {
            String allowed = status.next().isEmpty()
                    ? "none, a closed case is final"
                    : status.next().stream().map(CaseStatus::value).sorted().collect(Collectors.joining(", "));
            throw new StatusChangeRefused(number, status, next, allowed);
        }
        record("status", status.value(), next.value());
        if (next == CaseStatus.SOLVED || next == CaseStatus.CLOSED) {
            // A solved case keeps nobody waiting; if the customer writes again, the wait starts anew.
            waitingSince = null;
        }
        if (next == CaseStatus.SOLVED) {
            solvedAt = now;
        } else if (next == CaseStatus.CLOSED) {
            closedAt = now;
        } else if (status == CaseStatus.SOLVED) {
            solvedAt = null;
        }
        status = next;
    }

    void prioritize(Priority next) {
        if (next != priority) {
            record("priority", priority.value(), next.value());
            priority = next;
        }
    }

    void retag(List<String> next) {
        if (!next.equals(tags)) {
            record("tags", String.join(",", tags), String.join(",", next));
            tags = List.copyOf(next);
        }
    }

    /** Gives an unowned case its owner. An owned case moves only by a transfer. */
    void assign(AgentId agent) {
        requireOpenFor("an assignment");
        if (agent.value().equals(ownerId)) {
            return;
        }
        if (ownerId != null) {
            throw new ConflictException(
                    "case-owned",
                    "Case " + number + " already has an owner; transfer it with a reason and a summary instead");
        }
        record("owner", null, agent.toString());
        ownerId = agent.value();
    }

    void transferToAgent(AgentId agent, @Nullable TeamId agentsTeam) {
        requireOpenFor("a transfer");
        if (agent.value().equals(ownerId)) {
            throw new ConflictException("transfer-to-owner", "Case " + number + " is already owned by that agent");
        }
        record("owner", str(ownerId), agent.toString());
        ownerId = agent.value();
        if (agentsTeam != null && !agentsTeam.value().equals(teamId)) {
            record("team", str(teamId), agentsTeam.toString());
            teamId = agentsTeam.value();
        }
    }

    /** Puts the case in a team's queue, without an owner until someone there takes it. */
    void transferToTeam(TeamId team) {
        requireOpenFor("a transfer");
        if (team.value().equals(teamId) && ownerId == null) {
            throw new ConflictException(
                    "transfer-to-same-queue", "Case " + number + " is already waiting in that team's queue");
        }
        if (ownerId != null) {
            record("owner", str(ownerId), null);
            ownerId = null;
        }
        if (!team.value().equals(teamId)) {
            record("team", str(teamId), team.toString());
            teamId = team.value();
        }
    }

    /** A public reply: the first one stops the first-response clock; a new case is now being worked. */
    void replied(Instant now) {
        requireOpenFor("a reply");
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        waitingSince = null;
        if (status == CaseStatus.NEW) {
            moveTo(CaseStatus.OPEN, now);
        }
    }

    /** The customer wrote again: a case waiting on them, on someone else, or solved, is open again. */
    void customerWrote(Instant now) {
        if (waitingSince == null) {
            waitingSince = now;
        }
        if (status == CaseStatus.PENDING || status == CaseStatus.ON_HOLD || status == CaseStatus.SOLVED) {
            moveTo(CaseStatus.OPEN, now);
        }
    }

    /** The customer says the problem is solved: a case being worked or waiting is solved; a solved one stays so. */
    void solvedByCustomer(Instant now) {
        requireOpenFor("being marked solved");
        if (status != CaseStatus.SOLVED) {
            moveTo(CaseStatus.SOLVED, now);
        }
    }

    /** The customer reopens a solved case: it is open again, and the customer waits for us from now. */
    void reopenedByCustomer(Instant now) {
        if (status != CaseStatus.SOLVED) {
            throw new ConflictException("not-solved", "Case " + number + " is " + status.value() + ", not solved");
        }
        waitingSince = now;
        moveTo(CaseStatus.OPEN, now);
    }

    /**
     * Closes a duplicate merged into another case, or spam, whatever it was: that is not a solution,
     * so the case goes straight to closed, without the close guards and the survey a solution brings.
     */
    void closeUnsolved(String action, Instant now) {
        requireOpenFor(action);
        record("status", status.value(), CaseStatus.CLOSED.value());
        status = CaseStatus.CLOSED;
        closedAt = now;
        waitingSince = null;
    }

    /** A merge was undone: the duplicate is back where it stood before it was merged. */
    void reopenAfterMerge(CaseStatus before) {
        record("status", status.value(), before.value());
        status = before;
        closedAt = null;
    }

    CaseSummary summary() {
        return new CaseSummary(
                new CaseId(id),
                number,
                subject,
                new CustomerId(requesterId),
                channel,
                status,
                priority,
                tags,
                teamId == null ? null : new TeamId(teamId),
                ownerId == null ? null : new AgentId(ownerId),
                followUpOf == null ? null : new CaseId(followUpOf),
                createdAt,
                updatedAt,
                firstResponseAt,
                solvedAt,
                closedAt,
                waitingSince);
    }

    private void record(String field, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static @Nullable String str(@Nullable UUID id) {
        return id == null ? null : id.toString();
    }
}
