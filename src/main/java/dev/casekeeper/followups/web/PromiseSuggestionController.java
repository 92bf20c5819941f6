package dev.casekeeper.followups.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.followups.FollowupManagement;
import dev.casekeeper.followups.PromiseSuggestions;
import dev.casekeeper.followups.RecordPromise;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The promise the case page's composer offers while the agent writes (asked for a moment after they
 * stop typing), and recording it with one click; the promises panel then loads afresh. A case the
 * agent may not see is not found.
 */
@Controller
class PromiseSuggestionController {

    static final String FRAGMENT = "followups/suggestion :: suggestion";

    private final PromiseSuggestions suggestions;
    private final FollowupManagement followups;
    private final CaseLookup cases;

    PromiseSuggestionController(PromiseSuggestions suggestions, FollowupManagement followups, CaseLookup cases) {
        this.suggestions = suggestions;
        this.followups = followups;
        this.cases = cases;
    }

    @PostMapping("/cases/{number}/promises/suggestion")
    String suggest(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String zone,
            @AuthenticationPrincipal SignedInAgent me,
            Model model) {
        var caseId = cases.findByNumber(number, me).summary().id();
        model.addAttribute("number", number);
        model.addAttribute(
                "suggestion",
                suggestions.suggest(caseId, body, zoneOf(zone), me).orElse(null));
        return FRAGMENT;
    }

    @PostMapping("/cases/{number}/promises/suggested")
    String record(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String dueAt,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var caseId = cases.findByNumber(number, me).summary().id();
        model.addAttribute("number", number);
        try {
            followups.recordPromise(caseId, new RecordPromise(text, Instant.parse(dueAt.strip())), me);
        } catch (DateTimeParseException | InvalidInputException | ConflictException e) {
            // The suggestion was read a while ago: its time may have passed, or the case closed since.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refused", true);
            return FRAGMENT;
        }
        if (!"true".equals(request.getHeader("HX-Request"))) {
            return "redirect:/cases/" + number;
        }
        response.setHeader("HX-Trigger", "case-changed-" + number);
        model.addAttribute("recorded", text.strip());
        return FRAGMENT;
    }

    /** The agent's zone as their browser gave it; UTC without one, as for a promise typed in the panel. */
    private static ZoneId zoneOf(String zone) {
        try {
            return zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
