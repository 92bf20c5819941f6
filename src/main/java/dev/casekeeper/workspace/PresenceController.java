package dev.casekeeper.workspace;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.live.CasePresence;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Who else has the case open: the case page says it is open, and shows the others. */
@Controller
class PresenceController {

    private final CaseLookup cases;
    private final CasePresence presence;

    PresenceController(CaseLookup cases, CasePresence presence) {
        this.cases = cases;
        this.presence = presence;
    }

    @PostMapping("/cases/{number}/presence")
    String here(
            @PathVariable long number,
            @RequestParam(defaultValue = "false") boolean drafting,
            @AuthenticationPrincipal SignedInAgent me,
            Model model) {
        var kase = cases.findByNumber(number, me).summary();
        presence.here(kase.id(), number, me, drafting);
        return others(number, me, model);
    }

    @GetMapping("/cases/{number}/presence")
    String others(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        var kase = cases.findByNumber(number, me).summary();
        model.addAttribute("number", number);
        model.addAttribute("viewers", presence.others(kase.id(), me));
        return "workspace/case :: presence";
    }

    /** Sent by the page as it closes. */
    @PostMapping("/cases/{number}/presence/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void left(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me) {
        var kase = cases.findByNumber(number, me).summary();
        presence.left(kase.id(), number, me);
    }
}
