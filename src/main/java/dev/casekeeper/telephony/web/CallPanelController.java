package dev.casekeeper.telephony.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.telephony.Disposition;
import dev.casekeeper.telephony.TelephonyManagement;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case page's call panel: the caller, the call's timer, at the hold limit the prompt with "offer
 * a callback instead", the facts the phone system gave when it ended, and the wrap-up (disposition
 * and notes, written on the timeline). Hold, resume and transfers stay routing's live contact panel's.
 * A case without a call shows nothing.
 */
@Controller
class CallPanelController {

    private final TelephonyManagement telephony;
    private final CaseLookup cases;

    CallPanelController(TelephonyManagement telephony, CaseLookup cases) {
        this.telephony = telephony;
        this.cases = cases;
    }

    @GetMapping("/cases/{number}/call")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        fill(number, me, model);
        return "telephony/call :: panel";
    }

    @PostMapping("/cases/{number}/call/callback-instead")
    String callbackInstead(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var kase = cases.findByNumber(number, me).summary();
        try {
            telephony.offerCallbackInstead(kase.id(), me);
            model.addAttribute("callbackDone", true);
            response.setHeader("HX-Trigger", "case-changed-" + number);
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refusal", e.getMessage());
        }
        fill(number, me, model);
        return "telephony/call :: panel";
    }

    @PostMapping("/cases/{number}/call/wrap-up")
    String wrapUp(
            @PathVariable long number,
            @RequestParam(required = false) @Nullable String disposition,
            @RequestParam(required = false) @Nullable String notes,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var kase = cases.findByNumber(number, me).summary();
        try {
            telephony.wrapUp(kase.id(), Disposition.from(disposition == null ? "" : disposition), notes, me);
            response.setHeader("HX-Trigger", "case-changed-" + number);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("refusal", e.getMessage());
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refusal", e.getMessage());
        }
        fill(number, me, model);
        return "telephony/call :: panel";
    }

    private void fill(long number, SignedInAgent me, Model model) {
        var kase = cases.findByNumber(number, me).summary();
        model.addAttribute("number", number);
        model.addAttribute("call", telephony.callOfCase(kase.id(), me).orElse(null));
        model.addAttribute(
                "dispositions",
                Arrays.stream(Disposition.values()).map(Disposition::value).toList());
        model.addAttribute("supervisor", me.role().seesAllTeams());
    }
}
