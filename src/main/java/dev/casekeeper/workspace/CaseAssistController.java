package dev.casekeeper.workspace;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.assist.AssistManagement;
import dev.casekeeper.assist.CloseCase;
import dev.casekeeper.assist.HandOver;
import dev.casekeeper.assist.MessageFrustration;
import dev.casekeeper.assist.NextSteps;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.workspace.AssistForms.ClosingForm;
import dev.casekeeper.workspace.AssistForms.ColleagueForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The assist actions of the case page: the tone check of a draft, solving with a closing that
 * tells the customer the next steps, and handing a heated contact to a colleague. Each asks the
 * assist module, which checks that the agent may see the case.
 */
@Controller
class CaseAssistController {

    private final AssistManagement assist;
    private final CasePages pages;
    private final CaseScreen screens;

    CaseAssistController(AssistManagement assist, CasePages pages, CaseScreen screens) {
        this.assist = assist;
        this.pages = pages;
        this.screens = screens;
    }

    /** The findings for the draft as it is now; an empty draft has none. For the agent's eyes only. */
    @PostMapping("/cases/{number}/tone")
    String tone(
            @PathVariable long number,
            @RequestParam(required = false) @Nullable String body,
            @AuthenticationPrincipal SignedInAgent me,
            Model model) {
        var detail = pages.detail(number, me);
        if (body != null && !body.isBlank()) {
            try {
                model.addAttribute("tone", assist.tone(body, detail.summary().id(), null, me));
            } catch (InvalidInputException e) {
                // Only a draft longer than the tone check reads gets here.
                model.addAttribute("toneTooLong", true);
            }
        }
        return "assist/composer :: findings";
    }

    /** The score of one customer message, once it is scored; until then, the placeholder that asks again. */
    @GetMapping("/cases/{number}/scores/{entryId}")
    String score(
            @PathVariable long number,
            @PathVariable UUID entryId,
            @RequestParam(defaultValue = "1") int attempt,
            @AuthenticationPrincipal SignedInAgent me,
            Model model) {
        var detail = pages.detail(number, me);
        var score = assist.trend(detail.summary().id(), me).messages().stream()
                .filter(m -> m.entryId().equals(entryId))
                .map(MessageFrustration::score)
                .findFirst()
                .orElse(null);
        model.addAttribute("s", score);
        model.addAttribute("number", number);
        model.addAttribute("entryId", entryId);
        model.addAttribute("attempt", attempt);
        return "assist/case :: score";
    }

    /** Stores the next steps, sends the closing reply and solves the case, or changes nothing. */
    @PostMapping("/cases/{number}/closing")
    String close(
            @PathVariable long number,
            @Valid @ModelAttribute("closingForm") ClosingForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var detail = pages.detail(number, me);
        if (!errors.hasErrors()) {
            var steps = new NextSteps(form.whatHappens(), form.byWhen(), form.howToCheck());
            run(
                    errors,
                    () -> assist.close(detail.summary().id(), new CloseCase(steps, form.farewell(), true, true), me));
        }
        if (errors.hasErrors()) {
            return screens.refused(number, "case-header", CaseScreen.statusOf(errors), me, request, response, model);
        }
        screens.forget(model, "closingForm");
        return screens.done(number, "case-header", me, request, response, model);
    }

    /** Hands the case to a colleague with a reason and summary written from the case. */
    @PostMapping("/cases/{number}/colleague")
    String handToColleague(
            @PathVariable long number,
            @Valid @ModelAttribute("colleagueForm") ColleagueForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var detail = pages.detail(number, me);
        if (!errors.hasErrors()) {
            var handOver = new HandOver(new AgentId(form.agentId()), null, form.note());
            run(errors, () -> assist.handOver(detail.summary().id(), handOver, me));
        }
        if (errors.hasErrors()) {
            return screens.refused(number, "case-header", CaseScreen.statusOf(errors), me, request, response, model);
        }
        screens.forget(model, "colleagueForm");
        try {
            return screens.done(number, "case-header", me, request, response, model);
        } catch (NotFoundException e) {
            return screens.outOfSight(request, response);
        }
    }

    private static void run(BindingResult errors, Runnable action) {
        CaseActionsController.run(errors, action);
    }
}
