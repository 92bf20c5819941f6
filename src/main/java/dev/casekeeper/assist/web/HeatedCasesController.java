package dev.casekeeper.assist.web;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.assist.AssistManagement;
import dev.casekeeper.assist.HandOver;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
 * The supervisors' view of heated cases, most recent first: take one over, or assign it to a
 * colleague, in one step each (a handover with the reason and the customer's story written for the
 * receiver). Agents without the supervisor or admin role are refused by the assist module.
 */
@Controller
class HeatedCasesController {

    private static final int LIMIT = 100;

    private final AssistManagement assist;
    private final CaseLookup cases;
    private final AgentManagement agents;

    HeatedCasesController(AssistManagement assist, CaseLookup cases, AgentManagement agents) {
        this.assist = assist;
        this.cases = cases;
        this.agents = agents;
    }

    @GetMapping("/views/heated")
    String list(@AuthenticationPrincipal SignedInAgent me, Model model) {
        var heated = assist.heatedCases(me, LIMIT);
        var active = agents.list().stream().filter(Agent::active).toList();
        Map<AgentId, String> names = agents.list().stream().collect(Collectors.toMap(Agent::id, Agent::name));
        var rows = heated.stream()
                .map(h -> {
                    var kase = cases.find(h.caseId(), me).summary();
                    return new HeatedRow(
                            kase,
                            kase.ownerId() == null ? null : names.get(kase.ownerId()),
                            h,
                            me.id().equals(kase.ownerId()));
                })
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("agents", active);
        model.addAttribute("heatedView", true);
        return "assist/heated";
    }

    /** The supervisor takes the case themselves and goes to it. */
    @PostMapping("/views/heated/{number}/takeover")
    String takeOver(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes flash) {
        return handOver(number, me.id(), me, flash) ? "redirect:/cases/" + number : "redirect:/views/heated";
    }

    @PostMapping("/views/heated/{number}/assignment")
    String assign(
            @PathVariable long number,
            @RequestParam(required = false) @Nullable UUID agentId,
            @AuthenticationPrincipal SignedInAgent me,
            RedirectAttributes flash) {
        if (agentId == null) {
            flash.addFlashAttribute("refused", number);
            return "redirect:/views/heated";
        }
        if (handOver(number, new AgentId(agentId), me, flash)) {
            flash.addFlashAttribute("assigned", number);
        }
        return "redirect:/views/heated";
    }

    /** Only supervisors and admins: the assist module refuses anyone else before anything moves. */
    private boolean handOver(long number, AgentId to, SignedInAgent me, RedirectAttributes flash) {
        assist.heatedCases(me, 1);
        var kase = cases.findByNumber(number, me).summary();
        try {
            assist.handOver(kase.id(), new HandOver(to, null, null), me);
            return true;
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            flash.addFlashAttribute("refused", number);
            flash.addFlashAttribute("refusalText", e.getMessage());
            return false;
        }
    }
}
