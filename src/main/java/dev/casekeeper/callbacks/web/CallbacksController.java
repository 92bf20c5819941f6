package dev.casekeeper.callbacks.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.callbacks.Callback;
import dev.casekeeper.callbacks.CallbackId;
import dev.casekeeper.callbacks.CallbackManagement;
import dev.casekeeper.callbacks.RecordOutcome;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Callbacks page: the agent's own open callbacks, soonest due first, with what each call came to;
 * and the team's queue of callbacks nobody took yet, to take one. A refused action comes back to the
 * page with why, and changes nothing.
 */
@Controller
class CallbacksController {

    static final int SHOWN = 200;

    private final CallbackManagement callbacks;

    CallbacksController(CallbackManagement callbacks) {
        this.callbacks = callbacks;
    }

    @GetMapping("/callbacks")
    String page(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("mine", callbacks.lines(callbacks.mine(me, SHOWN)));
        model.addAttribute("queue", callbacks.lines(callbacks.queue(me, SHOWN)));
        model.addAttribute("callbacksView", true);
        return "callbacks/list";
    }

    @PostMapping("/callbacks/{id}/take")
    String take(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            var taken = callbacks.take(new CallbackId(id), me);
            redirect.addFlashAttribute("notice", "callbacks.notice.taken");
            redirect.addFlashAttribute("noticeCase", taken.caseNumber());
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("refusal", e.getMessage());
        }
        return "redirect:/callbacks";
    }

    @PostMapping("/callbacks/{id}/done")
    String done(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @ModelAttribute OutcomeForm form,
            RedirectAttributes redirect) {
        try {
            var outcome = form.chosenOutcome();
            if (outcome == null) {
                throw new InvalidInputException("outcome", "say what the call came to");
            }
            var done = callbacks.done(new CallbackId(id), new RecordOutcome(outcome, form.note(), form.retry()), me);
            redirect.addFlashAttribute(
                    "notice", done.state() == Callback.State.OPEN ? "callbacks.notice.retry" : "callbacks.notice.done");
            redirect.addFlashAttribute("noticeCase", done.caseNumber());
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("refusal", e.getMessage());
            redirect.addFlashAttribute("failedId", id);
        }
        return "redirect:/callbacks";
    }
}
