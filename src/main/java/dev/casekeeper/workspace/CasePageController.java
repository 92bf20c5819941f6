package dev.casekeeper.workspace;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The case page, and its parts that load afresh when the case changes: the header with its
 * controls, the transfer summary, the timeline and the context panel. A case the agent may not
 * see is not found.
 */
@Controller
class CasePageController {

    private final CaseScreen screen;
    private final CasePages pages;
    private final HandoverDismissals dismissals;

    CasePageController(CaseScreen screen, CasePages pages, HandoverDismissals dismissals) {
        this.screen = screen;
        this.pages = pages;
        this.dismissals = dismissals;
    }

    @GetMapping("/cases/{number}")
    String show(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        screen.fill(model, number, me);
        return CaseScreen.PAGE;
    }

    /** Everything on the page that is not being typed into, as out-of-band swaps. */
    @GetMapping("/cases/{number}/regions")
    String regions(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            screen.fill(model, number, me);
        } catch (NotFoundException e) {
            return screen.outOfSight(request, response);
        }
        return CaseScreen.PAGE + " :: regions";
    }

    /** The receiving owner has read the transfer summary; it stays in the timeline. */
    @PostMapping("/cases/{number}/handover/dismissal")
    String dismissHandover(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            Model model) {
        var detail = pages.detail(number, me);
        if (detail.handover() != null) {
            dismissals.dismiss(me.id(), detail.summary().id(), detail.handover().at());
        }
        if (!Htmx.isPartial(request)) {
            return "redirect:/cases/" + number;
        }
        screen.fill(model, pages.page(detail, me), me);
        return CaseScreen.PAGE + " :: handover";
    }
}
