package dev.casekeeper.macros.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.macros.MacroManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The picker in the reply box: canned responses matching what the agent typed, each already
 * filled in for this case and this agent, ready to insert. A case the agent may not see is not
 * found.
 */
@Controller
class MacroPickerController {

    static final int SHOWN = 20;

    private final MacroManagement macros;

    MacroPickerController(MacroManagement macros) {
        this.macros = macros;
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
}
