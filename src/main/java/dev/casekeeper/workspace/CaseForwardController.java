package dev.casekeeper.workspace;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.channels.ChannelManagement;
import dev.casekeeper.workspace.CaseForms.ForwardForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Forward on the case page: one message or the whole case to a third party, by email. A refused
 * form comes back with what was typed and why; a sent one comes back empty, saying to whom it went,
 * and the timeline reloads with the forward on it.
 */
@Controller
class CaseForwardController {

    static final String FRAGMENT = "workspace/forward :: forward-form";

    private final ChannelManagement channels;
    private final CasePages pages;
    private final CaseScreen screens;

    CaseForwardController(ChannelManagement channels, CasePages pages, CaseScreen screens) {
        this.channels = channels;
        this.pages = pages;
        this.screens = screens;
    }

    @PostMapping("/cases/{number}/forwards")
    String forward(
            @PathVariable long number,
            @Valid @ModelAttribute("forwardForm") ForwardForm form,
            BindingResult errors,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var detail = pages.detail(number, me);
        if (!errors.hasErrors()) {
            CaseActionsController.run(
                    errors,
                    () -> channels.forward(
                            detail.summary().id(),
                            form.to(),
                            form.entryId(),
                            form.mailboxId(),
                            form.body(),
                            FileCheck.uploads(files),
                            me));
        }
        if (errors.hasErrors()) {
            response.setStatus(CaseScreen.statusOf(errors).value());
            model.addAttribute("forwardRefused", true);
            screens.fill(model, number, me);
            return Htmx.isPartial(request) ? FRAGMENT : CaseScreen.PAGE;
        }
        if (!Htmx.isPartial(request)) {
            return "redirect:/cases/" + number;
        }
        Htmx.caseChanged(response, number);
        screens.forget(model, "forwardForm");
        model.addAttribute("forwardedTo", form.to());
        screens.fill(model, number, me);
        return FRAGMENT;
    }
}
