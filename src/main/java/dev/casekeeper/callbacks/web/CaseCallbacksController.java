package dev.casekeeper.callbacks.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.callbacks.Callback;
import dev.casekeeper.callbacks.CallbackManagement;
import dev.casekeeper.callbacks.CallbackWindow;
import dev.casekeeper.callbacks.RequestCallback;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The callbacks panel of the case page: the case's callbacks (open ones with their window and owner,
 * to take or to record on the Callbacks page; done ones with their outcome), and a form to promise
 * the customer a call back in a window, owned by the agent who promises it.
 */
@Controller
class CaseCallbacksController {

    private final CallbackManagement callbacks;
    private final CaseLookup cases;

    CaseCallbacksController(CallbackManagement callbacks, CaseLookup cases) {
        this.callbacks = callbacks;
        this.cases = cases;
    }

    @GetMapping("/cases/{number}/callbacks")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        fill(model, number, me);
        return "callbacks/case :: panel";
    }

    @PostMapping("/cases/{number}/callbacks")
    String promise(
            @PathVariable long number,
            @ModelAttribute PromiseCallbackForm form,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var caseId = cases.findByNumber(number, me).summary().id();
        try {
            CallbackWindow window = form.window();
            callbacks.request(
                    new RequestCallback(
                            caseId,
                            null,
                            null,
                            form.phone(),
                            form.email(),
                            window,
                            Callback.Source.AGENT,
                            form.note(),
                            null),
                    me);
            if (request.getHeader("HX-Request") == null) {
                return "redirect:/cases/" + number;
            }
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("callbackRefusal", e.getMessage());
            model.addAttribute("callbackForm", form);
        }
        fill(model, number, me);
        return "callbacks/case :: panel";
    }

    private void fill(Model model, long number, SignedInAgent me) {
        var kase = cases.findByNumber(number, me).summary();
        model.addAttribute("number", number);
        model.addAttribute("caseCallbacks", callbacks.lines(callbacks.ofCase(kase.id(), me)));
        if (!model.containsAttribute("callbackForm")) {
            model.addAttribute("callbackForm", PromiseCallbackForm.empty());
        }
    }
}
