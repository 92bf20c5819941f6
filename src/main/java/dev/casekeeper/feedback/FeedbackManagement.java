package dev.casekeeper.feedback;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers say about the service, and who hears it. A rating is one answer per case per
 * solve, which the customer may change for {@code casekeeper.feedback.rating-change-period}; its
 * owner is told. A compliment reaches the agent and their supervisors and stays on the agent's
 * profile. A complaint opens a complaint case ({@link Complaints}). Each is recorded on the case's
 * timeline as done by the customer. The customer-facing side checks who the customer is; this facade
 * checks that the case is theirs.
 */
@Service
@Transactional
public class FeedbackManagement {

    static final String COMPLIMENTED = "compliment";
    static final int MAX_COMMENT = 2_000;
    static final int MAX_REMARK = 5_000;
    private static final int MAX_COMPLIMENTS = 500;
    private static final Logger log = LoggerFactory.getLogger(FeedbackManagement.class);

    private final RatingQueries ratings;
    private final Ratings ratingsOfSolves;
    private final RemarkQueries remarks;
    private final Complaints complaints;
    private final CaseLookup lookup;
    private final CaseManagement cases;
    private final NotificationManagement notifications;
    private final AgentManagement agents;
    private final FeedbackSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FeedbackManagement(
            RatingQueries ratings,
            Ratings ratingsOfSolves,
            RemarkQueries remarks,
            Complaints complaints,
            CaseLookup lookup,
            CaseManagement cases,
            NotificationManagement notifications,
            AgentManagement agents,
            FeedbackSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.ratings = ratings;
        this.ratingsOfSolves = ratingsOfSolves;
        this.remarks = remarks;
        this.complaints = complaints;
        this.lookup = lookup;
        this.cases = cases;
        this.notifications = notifications;
        this.agents = agents;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** How long after the first answer a rating may be changed. */
    public Duration changePeriod() {
        return settings.ratingChangePeriod();
    }

    /**
     * The customer rates the solve of their case that happened at {@code solvedAt}, or changes their
     * rating of it. Only the case's latest solve can be rated, while it stands (a reopened case is
     * rated when it is solved again).
     *
     * @throws NotFoundException when the case is not the customer's
     * @throws ConflictException {@code not-solved} when that solve is not the case's latest or the case
     *     was reopened; {@code rating-final} when the time to change the rating is over
     * @throws InvalidInputException when the comment is too long
     */
    public Rating rate(
            CaseId caseId,
            Instant solvedAt,
            CustomerId customer,
            Score score,
            @Nullable String comment,
            RatingSource source) {
        var rating = ratingsOfSolves.rate(customersCase(caseId, customer), solvedAt, customer, score, comment, source);
        events.publishEvent(new FeedbackGiven(caseId));
        return rating;
    }

    /** The customer's rating of that solve of their case, if they gave one. */
    @Transactional(readOnly = true)
    public Optional<Rating> rating(CaseId caseId, Instant solvedAt) {
        return ratings.find(caseId.value(), micros(solvedAt), changePeriod());
    }

    /** Every rating of a case the agent may see, newest solve first. */
    @Transactional(readOnly = true)
    public List<Rating> ratings(CaseId caseId, SignedInAgent viewer) {
        lookup.find(caseId, viewer);
        return ratings.ofCase(caseId.value(), changePeriod());
    }

    /**
     * The customer praises the service on their case: the compliment is for the case's owner (for the
     * team when it has none), reaches them and their team's supervisors, and stays on their profile.
     */
    public Compliment compliment(CaseId caseId, CustomerId customer, String text) {
        String praise = required(text, "text", MAX_REMARK);
        var kase = customersCase(caseId, customer);
        var agent = kase.ownerId();
        String agentName = agent == null ? null : agents.find(agent).name();
        var compliment = new Compliment(UUID.randomUUID(), caseId, kase.number(), agent, praise, clock.instant());
        remarks.insert(
                compliment,
                customer.value(),
                kase.teamId() == null ? null : kase.teamId().value());
        cases.recordEvent(
                caseId,
                Actor.customer(customer.value()),
                new TimelineEvent.ComplimentReceived(praise, agent, agentName));
        var told = new HashSet<>(notifications.supervisorsOf(teams(kase)));
        if (agent != null) {
            told.add(agent);
        }
        String about = agentName == null ? "the team" : agentName;
        notifications.notify(Notify.of(
                told,
                COMPLIMENTED,
                caseId.value(),
                "Case #%d \"%s\": the customer complimented %s: “%s”"
                        .formatted(kase.number(), kase.subject(), about, shortened(praise)),
                notificationKey(compliment.id())));
        log.info("Case {}: compliment {} for {}", caseId, compliment.id(), agent);
        events.publishEvent(new FeedbackGiven(caseId));
        return compliment;
    }

    /**
     * The customer complains about the service on their case: a complaint case opens for them with
     * {@code subject}, owned by a supervisor of the case's team, linked both ways.
     */
    public Complaint complain(CaseId caseId, CustomerId customer, String subject, String text) {
        String complaint = required(text, "text", MAX_REMARK);
        var kase = customersCase(caseId, customer);
        if (complaints.isComplaintCase(caseId)) {
            // A complaint about a complaint case goes on that case: its supervisor already owns it.
            throw new ConflictException(
                    "complaint-case", "Case " + kase.number() + " is a complaint already; write on it instead");
        }
        var opened = complaints.open(kase, customer, subject, complaint, teams(kase));
        events.publishEvent(new FeedbackGiven(caseId));
        return opened;
    }

    /** The complaints made on a case and, for a complaint case, the complaint it is; oldest first. */
    @Transactional(readOnly = true)
    public List<Complaint> complaints(CaseId caseId) {
        return remarks.complaintsOf(caseId.value());
    }

    /** The compliments made on a case. */
    @Transactional(readOnly = true)
    public List<Compliment> complimentsOn(CaseId caseId) {
        return remarks.complimentsOn(caseId.value());
    }

    /** The agent's compliments, newest first: every agent may read them. */
    @Transactional(readOnly = true)
    public List<Compliment> compliments(AgentId agent) {
        agents.find(agent);
        return remarks.complimentsOf(agent.value(), MAX_COMPLIMENTS);
    }

    /** The teams whose supervisors hear about the case: its team, else its owner's. */
    private List<TeamId> teams(CaseSummary kase) {
        if (kase.teamId() != null) {
            return List.of(kase.teamId());
        }
        return kase.ownerId() == null ? List.of() : notifications.teamsOf(kase.ownerId());
    }

    private CaseSummary customersCase(CaseId caseId, CustomerId customer) {
        return lookup.byId(caseId)
                .filter(kase -> kase.requesterId().equals(customer))
                .orElseThrow(() -> new NotFoundException("Case", caseId));
    }

    static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static String shortened(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 160 ? line : line.substring(0, 159) + "…";
    }

    static @Nullable String optional(@Nullable String text, String field, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    static String required(@Nullable String text, String field, int max) {
        String stripped = optional(text, field, max);
        if (stripped == null) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return stripped;
    }

    /** The key the agent and supervisors were told of a compliment under. */
    static String notificationKey(UUID complimentId) {
        return "compliment:" + complimentId;
    }
}
