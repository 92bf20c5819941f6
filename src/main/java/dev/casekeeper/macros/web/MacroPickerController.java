package dev.casekeeper.macros.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.macros.MacroId;
import dev.casekeeper.macros.MacroManagement;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The picker in the reply box: canned responses matching what the agent typed, each already
 * filled in for this case and this agent, ready to insert, with what applying it would change on
 * the case; applying it changes the case and reloads its page. A case the agent may not see is not
 * found.
 */
@Controller
class MacroPickerController {

    static final int SHOWN = 20;

    private final MacroManagement macros;
    private final CaseLookup cases;

    MacroPickerController(MacroManagement macros, CaseLookup cases) {
        this.macros = macros;
        this.cases = cases;
    }

    @GetMapping("/cases/{number}/macros")
    String matching(
            @PathVariable long number,
            @RequestParam(required = false) @Nullable String q,
            @AuthenticationPrincipal SignedInAgent me,
            Model model) {
        model.addAttribute("number", number);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("macros", macros.renderMatching(q, number, me, SHOWN));
        return "macros/picker :: results";
    }

    /** Applies the response's changes; the page reloads to show them, or the refusal shows beside the button. */
    @PostMapping("/cases/{number}/macros/{id}/application")
    String apply(
            @PathVariable long number,
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var kase = cases.findByNumber(number, me).summary();
        try {
            macros.apply(new MacroId(id), kase.id(), me);
        } catch (ConflictException | InvalidInputException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", e.getMessage());
            return "macros/picker :: refused";
        }
        response.setHeader("HX-Redirect", "/cases/" + number);
        return "macros/picker :: refused";
    }
}
