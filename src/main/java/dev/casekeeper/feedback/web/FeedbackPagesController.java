package dev.casekeeper.feedback.web;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.feedback.FeedbackManagement;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The feedback panel of the case page (the customer's ratings, compliments and complaints, and the
 * link between a complaint case and the case it is about) and an agent's compliments, which every
 * agent may read. A case the agent may not see is not found.
 */
@Controller
class FeedbackPagesController {

    private final FeedbackManagement feedback;
    private final CaseLookup cases;
    private final AgentManagement agents;

    FeedbackPagesController(FeedbackManagement feedback, CaseLookup cases, AgentManagement agents) {
        this.feedback = feedback;
        this.cases = cases;
        this.agents = agents;
    }

    @GetMapping("/cases/{number}/feedback")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        var kase = cases.findByNumber(number, me).summary();
        var ratings = feedback.ratings(kase.id(), me);
        var compliments = feedback.complimentsOn(kase.id());
        var complaints = feedback.complaints(kase.id());
        model.addAttribute("number", number);
        model.addAttribute("caseId", kase.id());
        model.addAttribute("ratings", ratings);
        model.addAttribute("compliments", compliments);
        model.addAttribute("complaints", complaints);
        model.addAttribute(
                "names",
                agents.names(compliments.stream()
                        .map(c -> c.agentId())
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList()));
        return "feedback/case :: panel";
    }

    @GetMapping("/agents/{id}/compliments")
    String compliments(@PathVariable UUID id, Model model) {
        var agent = agents.find(new AgentId(id));
        model.addAttribute("agent", agent);
        model.addAttribute("compliments", feedback.compliments(agent.id()));
        return "feedback/compliments";
    }
}
