package dev.casekeeper.reports;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.Team;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.reports.QaModel.Comment;
import dev.casekeeper.reports.QaModel.NewReview;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coaching pages: an agent's own scorecard and reviews (which they acknowledge); a supervisor's
 * team scorecards, the week's cases offered for review and the team's reviews; the review form.
 */
@Controller
class CoachingPageController {

    private static final int SHOWN_REVIEWS = 50;

    private final QaReviews reviews;
    private final QaScorecards scorecards;
    private final AgentManagement agents;
    private final CaseLookup cases;
    private final CoachingTrends trends;

    CoachingPageController(
            QaReviews reviews,
            QaScorecards scorecards,
            AgentManagement agents,
            CaseLookup cases,
            CoachingTrends trends) {
        this.reviews = reviews;
        this.scorecards = scorecards;
        this.agents = agents;
        this.cases = cases;
        this.trends = trends;
    }

    @GetMapping("/coaching")
    String coaching(
            @RequestParam(required = false) @Nullable UUID team,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String period,
            @AuthenticationPrincipal SignedInAgent me,
            Model model) {
        model.addAttribute("coachingView", true);
        model.addAttribute("own", scorecards.of(null, me));
        var ownTrend = trends.trend(new CoachingTrends.TrendRequest(from, to, period, null, null), me);
        model.addAttribute("ownTrend", ownTrend);
        model.addAttribute("ownReviews", reviews.list(null, null, asAgent(me), SHOWN_REVIEWS));
        if (me.role().seesAllTeams()) {
            var teams = agents.teams().stream()
                    .filter(t -> me.isAdmin() || me.teamIds().contains(t.id()))
                    .toList();
            model.addAttribute("teams", teams);
            Team shown = team == null
                    ? (teams.isEmpty() ? null : teams.getFirst())
                    : teams.stream()
                            .filter(t -> t.id().value().equals(team))
                            .findFirst()
                            .orElseThrow(() -> new AccessDeniedException("Coaching of a team you are not in"));
            if (shown != null) {
                model.addAttribute("team", shown);
                model.addAttribute("cards", scorecards.ofTeam(shown.id(), me));
                model.addAttribute(
                        "teamTrend",
                        trends.trend(
                                new CoachingTrends.TrendRequest(
                                        from, to, period, null, shown.id().value()),
                                me));
                model.addAttribute("sample", reviews.sample(shown.id(), me));
                model.addAttribute("teamReviews", reviews.list(null, shown.id().value(), me, SHOWN_REVIEWS));
            }
        }
        model.addAttribute("names", names());
        return "reports/coaching";
    }

    @GetMapping("/coaching/reviews/new")
    String newReview(@RequestParam long caseNumber, @AuthenticationPrincipal SignedInAgent me, Model model) {
        if (!me.role().seesAllTeams()) {
            throw new AccessDeniedException("Only supervisors and admins review cases");
        }
        var detail = cases.findByNumber(caseNumber, me);
        return form(detail, Map.of(), Map.of(), me, model);
    }

    @PostMapping("/coaching/reviews")
    String review(
            @RequestParam long caseNumber,
            @RequestParam MultiValueMap<String, String> form,
            @AuthenticationPrincipal SignedInAgent me,
            Model model) {
        if (!me.role().seesAllTeams()) {
            throw new AccessDeniedException("Only supervisors and admins review cases");
        }
        var detail = cases.findByNumber(caseNumber, me);
        var scores = new HashMap<String, Integer>();
        var comments = new ArrayList<Comment>();
        form.forEach((name, values) -> {
            String value = values.isEmpty() ? "" : values.getFirst();
            if (name.startsWith("score.") && !value.isBlank()) {
                try {
                    scores.put(name.substring("score.".length()), Integer.parseInt(value.strip()));
                } catch (NumberFormatException e) {
                    scores.put(name.substring("score.".length()), 0);
                }
            } else if (name.startsWith("comment.") && !value.isBlank()) {
                try {
                    comments.add(new Comment(UUID.fromString(name.substring("comment.".length())), value));
                } catch (IllegalArgumentException ignored) {
                    // Not an entry of this form: the review is checked without it.
                }
            }
        });
        try {
            var review = reviews.review(
                    detail.summary().id(), new NewReview(scores, form.getFirst("summary"), comments), me);
            return "redirect:/coaching/reviews/" + review.id();
        } catch (InvalidInputException e) {
            return form(detail, e.fieldErrors(), form.toSingleValueMap(), me, model);
        }
    }

    @GetMapping("/coaching/reviews/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, Model model) {
        var review = reviews.find(id, me);
        model.addAttribute("coachingView", true);
        model.addAttribute("review", review);
        model.addAttribute("names", names());
        model.addAttribute("mine", review.agentId().equals(me.id()));
        // The commented entries, as the case shows them now: the reviewed agent sees what was meant.
        var commented = review.comments().stream().map(Comment::entryId).collect(Collectors.toSet());
        Map<UUID, TimelineEntry> entries = commented.isEmpty()
                ? Map.of()
                : cases.detail(review.caseId()).timeline().stream()
                        .filter(e -> commented.contains(e.id()))
                        .collect(Collectors.toMap(TimelineEntry::id, Function.identity()));
        model.addAttribute("entries", entries);
        return "reports/review";
    }

    @PostMapping("/coaching/reviews/{id}/acknowledgement")
    String acknowledge(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String note,
            @AuthenticationPrincipal SignedInAgent me) {
        reviews.acknowledge(id, note, me);
        return "redirect:/coaching/reviews/" + id;
    }

    private String form(
            CaseDetail detail, Map<String, String> errors, Map<String, String> values, SignedInAgent me, Model model) {
        model.addAttribute("coachingView", true);
        model.addAttribute("kase", detail.summary());
        model.addAttribute(
                "entries",
                detail.timeline().stream()
                        .filter(e -> e.kind() != EntryKind.EVENT)
                        .toList());
        model.addAttribute("rubric", reviews.rubric());
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("names", names());
        model.addAttribute(
                "owner",
                detail.summary().ownerId() == null
                        ? null
                        : agents.find(detail.summary().ownerId()).name());
        return "reports/review-form";
    }

    /** An agent's view of the reviews: the page's "my reviews" list is the caller's own, whatever their role. */
    private static SignedInAgent asAgent(SignedInAgent me) {
        return new SignedInAgent(me.id(), me.email(), me.name(), dev.casekeeper.agents.Role.AGENT, me.teamIds());
    }

    private Map<AgentId, String> names() {
        return agents.list().stream().collect(Collectors.toMap(a -> a.id(), a -> a.name(), (a, b) -> a));
    }
}
