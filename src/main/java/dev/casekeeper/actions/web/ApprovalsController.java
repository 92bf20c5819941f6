package dev.casekeeper.actions.web;

import dev.casekeeper.actions.ActionManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approvals queue: the actions waiting for the supervisor's or admin's decision, longest waiting
 * first, each with its case, who proposed it and why, and how long it has waited; approve, or decline
 * with a reason. A refused decision comes back to the page with why, and changes nothing.
 */
@Controller
class ApprovalsController {

    static final int SHOWN = 200;

    private final ActionManagement actions;

    ApprovalsController(ActionManagement actions) {
        this.actions = actions;
    }

    @GetMapping("/approvals")
    String page(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("approvals", actions.awaitingApproval(me, SHOWN));
        model.addAttribute("approvalsView", true);
        return "actions/approvals";
    }

    @PostMapping("/approvals/{id}/approval")
    String approve(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            var action = actions.approve(id, me);
            redirect.addFlashAttribute("notice", "actions.notice.approved");
            redirect.addFlashAttribute("noticeCase", action.caseNumber());
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("refusal", e.getMessage());
        }
        return "redirect:/approvals";
    }

    @PostMapping("/approvals/{id}/decline")
    String decline(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        try {
            var action = actions.decline(id, reason, me);
            redirect.addFlashAttribute("notice", "actions.notice.declined");
            redirect.addFlashAttribute("noticeCase", action.caseNumber());
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("refusal", e.getMessage());
            redirect.addFlashAttribute("failedId", id);
        }
        return "redirect:/approvals";
    }
}
