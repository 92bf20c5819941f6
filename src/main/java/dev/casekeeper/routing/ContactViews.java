package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Contacts as the facades return them: a stored row with, while it waits, its position and estimated
 * wait, and the rule of who may see one. Every facade of routing reads contacts through here, so a
 * contact looks the same whichever verb returned it.
 */
@Component
class ContactViews {

    private final ContactQueries contacts;
    private final WaitEstimates estimates;
    private final Clock clock;

    ContactViews(ContactQueries contacts, WaitEstimates estimates, Clock clock) {
        this.contacts = contacts;
        this.estimates = estimates;
        this.clock = clock;
    }

    /** A contact with, while it waits, its position and estimated wait. */
    Contact contact(ContactId id) {
        var row = contacts.find(id.value()).orElseThrow(() -> new NotFoundException("Contact", id));
        Integer position = null;
        Duration estimate = null;
        if (row.state() == ContactState.WAITING) {
            position = contacts.ahead(row) + 1;
            estimate = estimates.of(row.teamId(), row.channel()).estimate(position);
        }
        var expiresAt = row.offerId() == null
                ? null
                : contacts.offer(row.offerId())
                        .map(ContactQueries.OfferRow::expiresAt)
                        .orElse(null);
        return view(row, expiresAt, position, estimate);
    }

    /** A contact the viewer may see: one of their teams' (all teams for supervisors), or offered to or accepted by them. */
    Contact contact(ContactId id, SignedInAgent viewer) {
        var found = contact(id);
        if (!mayWatch(viewer, found.teamId()) && !viewer.id().equals(found.agentId())) {
            throw new NotFoundException("Contact", id);
        }
        return found;
    }

    static boolean mayWatch(SignedInAgent viewer, TeamId team) {
        return viewer.role().seesAllTeams() || viewer.teamIds().contains(team);
    }

    Contact view(
            ContactRow row, @Nullable Instant offerExpiresAt, @Nullable Integer position, @Nullable Duration estimate) {
        var waited = row.waitedMs() != null
                ? Duration.ofMillis(row.waitedMs())
                : Duration.between(row.arrivedAt(), row.endedAt() != null ? row.endedAt() : clock.instant());
        return new Contact(
                new ContactId(row.id()),
                new CaseId(row.caseId()),
                row.channel(),
                new TeamId(row.teamId()),
                row.requiredSkills(),
                Priority.values()[row.priority()],
                row.state(),
                row.arrivedAt(),
                waited,
                row.agentId() == null ? null : new AgentId(row.agentId()),
                row.offerId() == null ? null : new OfferId(row.offerId()),
                offerExpiresAt,
                position,
                estimate,
                row.overflowed());
    }
}
