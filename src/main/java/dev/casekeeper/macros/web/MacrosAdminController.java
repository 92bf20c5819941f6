package dev.casekeeper.macros.web;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.macros.Macro;
import dev.casekeeper.macros.MacroId;
import dev.casekeeper.macros.MacroManagement;
import dev.casekeeper.macros.SaveMacro;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for canned responses: the list, adding, changing and removing one, and a preview
 * that fills the text in with made-up facts as it is typed. Unknown placeholders are refused
 * beside the text.
 */
@Controller
class MacrosAdminController {

    static final String LIST = "macros/admin-list";
    static final String EDIT = "macros/admin-edit";

    private final MacroManagement macros;
    private final AgentManagement agents;

    MacrosAdminController(MacroManagement macros, AgentManagement agents) {
        this.macros = macros;
        this.agents = agents;
    }

    @GetMapping("/admin/macros")
    String list(@RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("macros", macros.search(q, 500));
        model.addAttribute("q", q == null ? "" : q);
        return LIST;
    }

    @GetMapping("/admin/macros/new")
    String newMacro(Model model) {
        model.addAttribute("macroForm", MacroForm.empty());
        return edit(model, null);
    }

    @PostMapping("/admin/macros")
    String create(
            @Valid @ModelAttribute("macroForm") MacroForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var saved = save(errors, () -> macros.create(new SaveMacro(form.name(), form.body(), form.actions()), me));
        if (saved == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, null);
        }
        redirect.addFlashAttribute("notice", "macros.notice.created");
        return "redirect:/admin/macros/" + saved.id();
    }

    @GetMapping("/admin/macros/{id}")
    String show(@PathVariable UUID id, Model model) {
        var macro = macros.find(new MacroId(id));
        model.addAttribute("macroForm", MacroForm.of(macro));
        return edit(model, macro);
    }

    @PostMapping("/admin/macros/{id}")
    String change(
            @PathVariable UUID id,
            @Valid @ModelAttribute("macroForm") MacroForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var macroId = new MacroId(id);
        var current = macros.find(macroId);
        var saved =
                save(errors, () -> macros.change(macroId, new SaveMacro(form.name(), form.body(), form.actions()), me));
        if (saved == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, current);
        }
        redirect.addFlashAttribute("notice", "macros.notice.saved");
        return "redirect:/admin/macros/" + id;
    }

    @PostMapping("/admin/macros/{id}/deletion")
    String delete(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        macros.delete(new MacroId(id), me);
        redirect.addFlashAttribute("notice", "macros.notice.deleted");
        return "redirect:/admin/macros";
    }

    /** The text filled in with made-up facts, or why it cannot be saved; for the editor, as it is typed. */
    @PostMapping("/admin/macros/preview")
    String preview(
            @RequestParam(defaultValue = "") String body, @AuthenticationPrincipal SignedInAgent me, Model model) {
        if (!body.isBlank()) {
            try {
                model.addAttribute("preview", macros.preview(body, me));
            } catch (InvalidInputException e) {
                model.addAttribute("previewError", e.fieldErrors().getOrDefault("body", e.getMessage()));
            }
        }
        return EDIT + " :: preview";
    }

    private String edit(Model model, @Nullable Macro macro) {
        model.addAttribute("macro", macro);
        model.addAttribute("placeholders", MacroManagement.placeholders());
        model.addAttribute(
                "agents", agents.list().stream().filter(Agent::active).toList());
        return EDIT;
    }

    /** The saved response, or null when it was refused; the refusal is then beside its field. */
    private static @Nullable Macro save(BindingResult errors, Supplier<Macro> action) {
        if (errors.hasErrors()) {
            return null;
        }
        try {
            return action.get();
        } catch (InvalidInputException e) {
            e.fieldErrors()
                    .forEach((field, message) ->
                            errors.rejectValue(MacroForm.FIELDS.getOrDefault(field, field), "invalid", message));
        } catch (ConflictException e) {
            errors.rejectValue("name", e.code(), e.getMessage());
        }
        return null;
    }
}
