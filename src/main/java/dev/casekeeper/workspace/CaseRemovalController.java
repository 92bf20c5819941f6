package dev.casekeeper.workspace;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseRemovals;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Marking a case as spam from its page (the agent goes back to the list, which no longer holds it)
 * and deleting one as an admin (the agent sees the tombstone). A refusal comes back on the case page.
 */
@Controller
class CaseRemovalController {

    private final CaseRemovals removals;
    private final CaseLookup lookup;

    CaseRemovalController(CaseRemovals removals, CaseLookup lookup) {
        this.removals = removals;
        this.lookup = lookup;
    }

    @PostMapping("/cases/{number}/spam")
    String spam(
            @PathVariable long number,
            @RequestParam(defaultValue = "false") boolean blockSender,
            @AuthenticationPrincipal SignedInAgent me,
            RedirectAttributes redirect) {
        var id = lookup.findByNumber(number, me).summary().id();
        try {
            removals.markSpam(id, blockSender, me);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("removalRefusal", e.getMessage());
            return "redirect:/cases/" + number;
        }
        return "redirect:/";
    }

    @PostMapping("/cases/{number}/deletion")
    String delete(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal SignedInAgent me,
            RedirectAttributes redirect) {
        var id = lookup.findByNumber(number, me).summary().id();
        try {
            if (reason.isBlank()) {
                throw new ConflictException("reason-missing", "Say why the case is deleted");
            }
            removals.delete(id, reason.strip(), me);
        } catch (ConflictException | AccessDeniedException e) {
            redirect.addFlashAttribute("removalRefusal", e.getMessage());
        }
        return "redirect:/cases/" + number;
    }
}
