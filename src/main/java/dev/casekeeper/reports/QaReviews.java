package dev.casekeeper.reports;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.reports.QaModel.Comment;
import dev.casekeeper.reports.QaModel.Criterion;
import dev.casekeeper.reports.QaModel.CriterionScore;
import dev.casekeeper.reports.QaModel.NewReview;
import dev.casekeeper.reports.QaModel.Review;
import dev.casekeeper.reports.QaModel.SampleCase;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quality reviews against the practices: supervisors (of the case's team) and admins review a case
 * and its owner against the rubric; the agent sees their reviews and acknowledges each; nobody else
 * sees them. A few solved cases of each agent's week are offered for review.
 */
@Service
@Transactional
class QaReviews {

    private static final Logger log = LoggerFactory.getLogger(QaReviews.class);
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    static final int SAMPLE_PER_AGENT = 2;
    private static final int MAX_SUMMARY = 4000;
    private static final int MAX_COMMENT = 2000;
    private static final int MAX_CRITERIA = 12;

    private final QaQueries queries;
    private final CaseLookup cases;
    private final AgentManagement agents;
    private final ReportsSettings settings;
    private final Clock clock;

    QaReviews(QaQueries queries, CaseLookup cases, AgentManagement agents, ReportsSettings settings, Clock clock) {
        this.queries = queries;
        this.cases = cases;
        this.agents = agents;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Criterion> rubric() {
        return queries.rubric();
    }

    /** Replaces the rubric (admins); reviews already written keep the labels and weights they had. */
    List<Criterion> replaceRubric(@Nullable List<Criterion> criteria, SignedInAgent me) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("Only admins change the review rubric");
        }
        if (criteria == null || criteria.isEmpty() || criteria.size() > MAX_CRITERIA) {
            throw new InvalidInputException("criteria", "Give 1 to " + MAX_CRITERIA + " criteria");
        }
        var errors = new LinkedHashMap<String, String>();
        var keys = new HashSet<String>();
        for (int i = 0; i < criteria.size(); i++) {
            var c = criteria.get(i);
            if (c == null || c.key() == null || !KEY.matcher(c.key()).matches() || !keys.add(c.key())) {
                errors.put("criteria[" + i + "].key", "A unique key of lower-case letters, digits and _");
            }
            if (c == null
                    || c.label() == null
                    || c.label().isBlank()
                    || c.label().length() > 100) {
                errors.put("criteria[" + i + "].label", "A label of 1 to 100 characters");
            }
            if (c == null || c.weight() < 1 || c.weight() > 100) {
                errors.put("criteria[" + i + "].weight", "A weight from 1 to 100");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var clean = criteria.stream()
                .map(c -> new Criterion(
                        c.key(),
                        c.label().strip(),
                        c.description() == null ? "" : c.description().strip(),
                        c.weight()))
                .toList();
        queries.replaceRubric(clean);
        log.info(
                "Review rubric changed by {}: {}",
                me.id(),
                clean.stream().map(Criterion::key).toList());
        return clean;
    }

    /** A supervisor of the case's team (or an admin) reviews the case and the agent who owns it. */
    Review review(CaseId caseId, NewReview input, SignedInAgent me) {
        if (!me.role().seesAllTeams()) {
            throw new AccessDeniedException("Only supervisors and admins review cases");
        }
        var detail = cases.find(caseId, me);
        var kase = detail.summary();
        var rubric = queries.rubric();
        var errors = new LinkedHashMap<String, String>();
        var scores = new ArrayList<CriterionScore>();
        var given = input.scores() == null ? java.util.Map.<String, Integer>of() : input.scores();
        for (var c : rubric) {
            Integer score = given.get(c.key());
            if (score == null || score < 1 || score > 5) {
                errors.put("scores." + c.key(), "Score " + c.label() + " from 1 to 5");
            } else {
                scores.add(new CriterionScore(c.key(), c.label(), c.weight(), score));
            }
        }
        for (var key : given.keySet()) {
            if (rubric.stream().noneMatch(c -> c.key().equals(key))) {
                errors.put("scores." + key, "No such criterion in the rubric");
            }
        }
        String summary = input.summary() == null ? "" : input.summary().strip();
        if (summary.isEmpty() || summary.length() > MAX_SUMMARY) {
            errors.put("summary", "A summary of 1 to " + MAX_SUMMARY + " characters");
        }
        Set<UUID> entries = detail.timeline().stream().map(e -> e.id()).collect(Collectors.toSet());
        var comments = new ArrayList<Comment>();
        var givenComments = input.comments() == null ? List.<Comment>of() : input.comments();
        for (int i = 0; i < givenComments.size(); i++) {
            var c = givenComments.get(i);
            if (c == null || c.entryId() == null || !entries.contains(c.entryId())) {
                errors.put("comments[" + i + "].entryId", "An entry of this case's timeline");
            } else if (c.text() == null || c.text().isBlank() || c.text().length() > MAX_COMMENT) {
                errors.put("comments[" + i + "].text", "A comment of 1 to " + MAX_COMMENT + " characters");
            } else {
                comments.add(new Comment(c.entryId(), c.text().strip()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var owner = kase.ownerId();
        if (owner == null) {
            throw new ConflictException("no-owner", "Case " + kase.number() + " has no owner to review");
        }
        if (owner.equals(me.id())) {
            throw new ConflictException("own-case", "A review of your own case is someone else's to write");
        }
        if (!me.isAdmin() && !supervises(me, owner, kase.teamId())) {
            throw new AccessDeniedException("You review the cases of your own teams' agents only");
        }
        var review = new Review(
                UUID.randomUUID(),
                kase.id(),
                kase.number(),
                owner,
                kase.teamId(),
                me.id(),
                score(scores),
                summary,
                clock.instant(),
                null,
                null,
                List.copyOf(scores),
                List.copyOf(comments));
        queries.insert(review);
        log.info("Case {}: reviewed by {} for agent {}, {} %", kase.id(), me.id(), owner, review.score());
        return review;
    }

    /** The weighted average of the scores, as a percentage: every criterion at 5 is 100, at 1 is 0. */
    static double score(List<CriterionScore> scores) {
        double weights = scores.stream().mapToInt(CriterionScore::weight).sum();
        double sum = scores.stream()
                .mapToDouble(s -> s.weight() * (s.score() - 1) / 4.0 * 100)
                .sum();
        return weights == 0 ? 0 : Math.round(sum / weights * 10) / 10.0;
    }

    @Transactional(readOnly = true)
    Review find(UUID id, SignedInAgent me) {
        var review = queries.find(id).orElseThrow(() -> new NotFoundException("Review", id));
        if (!maySee(review, me)) {
            throw new NotFoundException("Review", id);
        }
        return review;
    }

    /** Only the reviewed agent acknowledges, once; acknowledging again changes nothing. */
    Review acknowledge(UUID id, @Nullable String note, SignedInAgent me) {
        var review = find(id, me);
        if (!review.agentId().equals(me.id())) {
            throw new AccessDeniedException("Only the reviewed agent acknowledges a review");
        }
        String clean = note == null || note.isBlank() ? null : note.strip();
        if (clean != null && clean.length() > MAX_COMMENT) {
            throw new InvalidInputException("note", "A note of at most " + MAX_COMMENT + " characters");
        }
        if (queries.acknowledge(id, clean, clock.instant())) {
            log.info("Review {} acknowledged by {}", id, me.id());
        }
        return queries.find(id).orElseThrow();
    }

    /**
     * Reviews the caller may see, newest first: an agent's own; a supervisor's teams' (or one of
     * their agents'); anyone's for admins.
     */
    @Transactional(readOnly = true)
    List<Review> list(@Nullable UUID agent, @Nullable UUID team, SignedInAgent me, int limit) {
        var mine = me.teamIds().stream().map(TeamId::value).collect(Collectors.toSet());
        if (!me.role().seesAllTeams()) {
            if ((agent != null && !agent.equals(me.id().value())) || team != null) {
                throw new AccessDeniedException("You see your own reviews only");
            }
            return queries.reviews(me.id(), null, limit);
        }
        if (me.isAdmin()) {
            return queries.reviews(
                    agent == null ? null : new AgentId(agent), team == null ? null : Set.of(team), limit);
        }
        if (team != null && !mine.contains(team)) {
            throw new AccessDeniedException("Reviews of a team you are not in are for its supervisors and admins");
        }
        if (agent != null) {
            if (!agent.equals(me.id().value()) && !sharesATeam(new AgentId(agent), mine)) {
                throw new AccessDeniedException("You see the reviews of your own teams' agents only");
            }
            return queries.reviews(new AgentId(agent), team == null ? null : Set.of(team), limit);
        }
        return queries.reviews(null, team == null ? mine : Set.of(team), limit);
    }

    /** Solved cases of the team's week offered for review (supervisors of the team, admins). */
    @Transactional(readOnly = true)
    List<SampleCase> sample(TeamId team, SignedInAgent me) {
        if (!me.role().seesAllTeams() || (!me.isAdmin() && !me.teamIds().contains(team))) {
            throw new AccessDeniedException("The review sample is for the team's supervisors and admins");
        }
        var today = LocalDate.ofInstant(clock.instant(), settings.zone());
        var monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return queries.sample(team, today.minusDays(6), today, team.value() + ":" + monday, SAMPLE_PER_AGENT);
    }

    boolean maySee(Review review, SignedInAgent me) {
        if (me.isAdmin() || review.agentId().equals(me.id())) {
            return true;
        }
        if (!me.role().seesAllTeams()) {
            return false;
        }
        var mine = me.teamIds().stream().map(TeamId::value).collect(Collectors.toSet());
        return (review.teamId() != null && mine.contains(review.teamId().value()))
                || sharesATeam(review.agentId(), mine);
    }

    private boolean supervises(SignedInAgent me, AgentId owner, @Nullable TeamId caseTeam) {
        var mine = me.teamIds().stream().map(TeamId::value).collect(Collectors.toSet());
        return (caseTeam != null && mine.contains(caseTeam.value())) || sharesATeam(owner, mine);
    }

    private boolean sharesATeam(AgentId agent, Set<UUID> teams) {
        return agents.find(agent).teamIds().stream().map(TeamId::value).anyMatch(teams::contains);
    }
}
