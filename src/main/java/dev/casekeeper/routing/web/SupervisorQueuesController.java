package dev.casekeeper.routing.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.routing.SupervisorRequestId;
import dev.casekeeper.routing.SupervisorRequestManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The supervisors' live page: per team, contacts waiting and offered, agents with presence and load,
 * holds with their timers; open supervisor requests to take; recent abandonments with their
 * callbacks. The board reloads itself whenever the live stream says queues changed. Supervisors and
 * admins only; agents are refused.
 */
@Controller
class SupervisorQueuesController {

    private final SupervisorBoards boards;
    private final SupervisorRequestManagement requests;
    private final RoutingPages pages;

    SupervisorQueuesController(SupervisorBoards boards, SupervisorRequestManagement requests, RoutingPages pages) {
        this.boards = boards;
        this.requests = requests;
        this.pages = pages;
    }

    @GetMapping("/supervisor/queues")
    String queues(@AuthenticationPrincipal SignedInAgent me, HttpServletRequest request, Model model) {
        model.addAttribute("board", boards.board(me));
        model.addAttribute("queuesView", true);
        return RoutingBarController.partial(request) ? "routing/queues :: board" : "routing/queues";
    }

    /** The supervisor takes the request and goes to the case. */
    @PostMapping("/supervisor/requests/{id}/take")
    String take(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        var taken = requests.take(new SupervisorRequestId(id), me);
        return "redirect:/cases/" + pages.number(taken.caseId());
    }
}
