package dev.casekeeper.followups.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.callbacks.CallbackLine;
import dev.casekeeper.callbacks.CallbackManagement;
import dev.casekeeper.followups.Followup;
import dev.casekeeper.followups.FollowupManagement;
import java.time.Clock;
import java.util.Comparator;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "My follow-ups": the signed-in agent's open promises and check-ins, soonest due first, so the
 * overdue ones come first and are marked, and their open callbacks; each links to its case. Only
 * ever the caller's own.
 */
@Controller
class MyFollowupsController {

    /** More than anyone keeps open at once; the oldest are shown first, so nothing overdue is cut off. */
    static final int SHOWN = 200;

    private final FollowupManagement followups;
    private final CallbackManagement callbacks;
    private final Clock clock;

    MyFollowupsController(FollowupManagement followups, CallbackManagement callbacks, Clock clock) {
        this.followups = followups;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @GetMapping("/followups")
    String mine(@AuthenticationPrincipal SignedInAgent me, Model model) {
        var now = clock.instant();
        var open = followups.ofOwner(null, Followup.State.OPEN, me, null, SHOWN).items().stream()
                .sorted(Comparator.comparing(Followup::dueAt))
                .toList();
        model.addAttribute("followups", open);
        var mine = callbacks.lines(callbacks.mine(me, SHOWN));
        model.addAttribute("callbacks", mine);
        model.addAttribute("now", now);
        model.addAttribute(
                "overdue",
                open.stream().filter(f -> f.dueAt().isBefore(now)).count()
                        + mine.stream().filter(CallbackLine::overdue).count());
        model.addAttribute("followupsActive", true);
        return "followups/mine";
    }
}
