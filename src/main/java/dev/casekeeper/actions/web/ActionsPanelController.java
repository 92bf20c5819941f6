package dev.casekeeper.actions.web;

import dev.casekeeper.actions.ActionManagement;
import dev.casekeeper.actions.ActionTypeManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Actions panel of the case page: the case's actions with their state (waiting for whom and since
 * when, running, done with their result), a button to withdraw one still waiting (its proposer, a
 * supervisor or an admin), a button to mark one done by hand, and a form per action
 * type to propose one; and the reply box's next steps, to insert in the reply.
 */
@Controller
class ActionsPanelController {

    private final ActionManagement actions;
    private final ActionTypeManagement types;
    private final CaseLookup cases;

    ActionsPanelController(ActionManagement actions, ActionTypeManagement types, CaseLookup cases) {
        this.actions = actions;
        this.types = types;
        this.cases = cases;
    }

    @GetMapping("/cases/{number}/actions")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        fill(model, number, me);
        return "actions/case :: panel";
    }

    @PostMapping("/cases/{number}/actions")
    String propose(
            @PathVariable long number,
            @ModelAttribute ProposeActionForm form,
            @RequestParam Map<String, String> parameters,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var caseId = cases.findByNumber(number, me).summary().id();
        try {
            actions.propose(caseId, form.command(parameters), me);
            if (htmx == null) {
                return "redirect:/cases/" + number;
            }
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("actionRefusal", e.getMessage());
            model.addAttribute("refusedType", form.typeId());
        }
        fill(model, number, me);
        return "actions/case :: panel";
    }

    @PostMapping("/cases/{number}/actions/{id}/done")
    String done(
            @PathVariable long number,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String result,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        try {
            actions.markDone(id, result, me);
            if (htmx == null) {
                return "redirect:/cases/" + number;
            }
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("actionRefusal", e.getMessage());
        }
        fill(model, number, me);
        return "actions/case :: panel";
    }

    @PostMapping("/cases/{number}/actions/{id}/withdrawal")
    String withdraw(
            @PathVariable long number,
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        try {
            actions.withdraw(id, me);
            if (htmx == null) {
                return "redirect:/cases/" + number;
            }
        } catch (ConflictException | NotFoundException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("actionRefusal", e.getMessage());
        } catch (AccessDeniedException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("actionRefusal", e.getMessage());
        }
        fill(model, number, me);
        return "actions/case :: panel";
    }

    @GetMapping("/cases/{number}/actions/next-steps")
    String nextSteps(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        var kase = cases.findByNumber(number, me).summary();
        model.addAttribute("nextSteps", actions.nextSteps(kase.id(), me));
        return "actions/case :: next-steps-list";
    }

    private void fill(Model model, long number, SignedInAgent me) {
        var kase = cases.findByNumber(number, me).summary();
        var list = actions.ofCase(kase.id(), me);
        model.addAttribute("number", number);
        model.addAttribute("caseActions", list);
        model.addAttribute(
                "decidable",
                list.stream()
                        .filter(a -> actions.mayDecide(a, me))
                        .map(a -> a.id())
                        .toList());
        model.addAttribute(
                "withdrawable",
                list.stream()
                        .filter(a -> actions.mayWithdraw(a, me))
                        .map(a -> a.id())
                        .toList());
        model.addAttribute("actionTypes", types.list(true));
    }
}
