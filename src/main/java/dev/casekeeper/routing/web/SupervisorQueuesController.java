package dev.casekeeper.routing.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.callbacks.CallbackManagement;
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
 * callbacks; every open callback task with its owner and window. The board reloads itself whenever the live stream says queues changed. Supervisors and
 * admins only; agents are refused.
 */
@Controller
class SupervisorQueuesController {

    /** More than a desk keeps open at once; the soonest due come first, so nothing late is cut off. */
    static final int SHOWN_CALLBACKS = 200;

    private final SupervisorBoards boards;
    private final SupervisorRequestManagement requests;
    private final RoutingPages pages;
    private final CallbackManagement callbacks;

    SupervisorQueuesController(
            SupervisorBoards boards,
            SupervisorRequestManagement requests,
            RoutingPages pages,
            CallbackManagement callbacks) {
        this.boards = boards;
        this.requests = requests;
        this.pages = pages;
        this.callbacks = callbacks;
    }

    @GetMapping("/supervisor/queues")
    String queues(@AuthenticationPrincipal SignedInAgent me, HttpServletRequest request, Model model) {
        model.addAttribute("board", boards.board(me));
        model.addAttribute("callbacks", callbacks.lines(callbacks.allOpen(me, SHOWN_CALLBACKS)));
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
