package dev.casekeeper.actions.web;

import dev.casekeeper.actions.ActionKind;
import dev.casekeeper.actions.ActionTypeManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages of resolution actions: the list of types, a new type started from a kind's
 * defaults, and a type's definition to change (its endpoint's secret shown once when it is made). A
 * refused value comes back beside its field with what was typed.
 */
@Controller
class ActionTypesAdminController {

    private final ActionTypeManagement types;

    ActionTypesAdminController(ActionTypeManagement types) {
        this.types = types;
    }

    @GetMapping("/admin/actions")
    String list(Model model) {
        model.addAttribute("types", types.list(false));
        model.addAttribute("kinds", Arrays.asList(ActionKind.values()));
        return "actions/admin-types";
    }

    @GetMapping("/admin/actions/new")
    String create(@RequestParam(defaultValue = "refund") String kind, Locale locale, Model model) {
        ActionKind chosen;
        try {
            chosen = ActionKind.of(kind);
        } catch (InvalidInputException e) {
            chosen = ActionKind.CUSTOM;
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ActionTypeForm.of(types.defaults(chosen, locale)));
        }
        return "actions/admin-type";
    }

    @PostMapping("/admin/actions")
    String add(
            @ModelAttribute ActionTypeForm form,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        try {
            var saved = types.create(form.command(), me);
            redirect.addFlashAttribute("notice", "actions.notice.saved");
            redirect.addFlashAttribute("secret", saved.secret());
            return "redirect:/admin/actions/" + saved.type().id();
        } catch (InvalidInputException | ConflictException e) {
            return refused(e, form, response, model);
        }
    }

    @GetMapping("/admin/actions/{id}")
    String type(@PathVariable UUID id, Model model) {
        var type = types.find(id);
        model.addAttribute("type", type);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ActionTypeForm.of(type));
        }
        return "actions/admin-type";
    }

    @PostMapping("/admin/actions/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute ActionTypeForm form,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var type = types.find(id);
        try {
            var saved = types.update(id, form.command(), me);
            redirect.addFlashAttribute("notice", "actions.notice.saved");
            redirect.addFlashAttribute("secret", saved.secret());
            return "redirect:/admin/actions/" + id;
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("type", type);
            return refused(e, form, response, model);
        }
    }

    private static String refused(RuntimeException e, ActionTypeForm form, HttpServletResponse response, Model model) {
        response.setStatus(e instanceof ConflictException ? 409 : 422);
        model.addAttribute("form", form);
        model.addAttribute(
                "errors",
                e instanceof InvalidInputException invalid
                        ? invalid.fieldErrors()
                        : java.util.Map.of("endpointUrl", e.getMessage()));
        return "actions/admin-type";
    }
}
