package dev.casekeeper.fields.web;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.fields.Field;
import dev.casekeeper.fields.FieldId;
import dev.casekeeper.fields.FieldManagement;
import dev.casekeeper.fields.FieldSubject;
import dev.casekeeper.fields.FieldType;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for custom fields: the list, adding, changing and removing one. */
@Controller
class FieldsAdminController {

    private static final String LIST = "fields/admin-fields";
    private static final String EDIT = "fields/admin-field";

    private final FieldManagement fields;
    private final AgentManagement agents;

    FieldsAdminController(FieldManagement fields, AgentManagement agents) {
        this.fields = fields;
        this.agents = agents;
    }

    @GetMapping("/admin/fields")
    String list(Model model) {
        model.addAttribute("caseFields", fields.list(FieldSubject.CASE));
        model.addAttribute("customerFields", fields.list(FieldSubject.CUSTOMER));
        model.addAttribute(
                "teamNames",
                agents.teams().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                dev.casekeeper.agents.Team::id, dev.casekeeper.agents.Team::name)));
        return LIST;
    }

    @GetMapping("/admin/fields/new")
    String newField(Model model) {
        model.addAttribute("fieldForm", FieldForm.empty());
        return edit(model, null);
    }

    @PostMapping("/admin/fields")
    String create(
            @Valid @ModelAttribute("fieldForm") FieldForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var saved = save(errors, () -> fields.create(form.command(), me));
        if (saved == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, null);
        }
        redirect.addFlashAttribute("notice", "fields.notice.created");
        return "redirect:/admin/fields";
    }

    @GetMapping("/admin/fields/{id}")
    String show(@PathVariable UUID id, Model model) {
        var field = fields.find(new FieldId(id));
        model.addAttribute("fieldForm", FieldForm.of(field));
        return edit(model, field);
    }

    @PostMapping("/admin/fields/{id}")
    String change(
            @PathVariable UUID id,
            @Valid @ModelAttribute("fieldForm") FieldForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var current = fields.find(new FieldId(id));
        var saved = save(errors, () -> fields.change(current.id(), form.command(), me));
        if (saved == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, current);
        }
        redirect.addFlashAttribute("notice", "fields.notice.saved");
        return "redirect:/admin/fields";
    }

    @PostMapping("/admin/fields/{id}/deletion")
    String delete(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        fields.delete(new FieldId(id), me);
        redirect.addFlashAttribute("notice", "fields.notice.deleted");
        return "redirect:/admin/fields";
    }

    private String edit(Model model, @Nullable Field field) {
        model.addAttribute("field", field);
        model.addAttribute("types", FieldType.values());
        model.addAttribute("teams", agents.teams());
        return EDIT;
    }

    /** The saved field, or null when it was refused; the refusal is then beside its input. */
    private static @Nullable Field save(BindingResult errors, Supplier<Field> action) {
        if (errors.hasErrors()) {
            return null;
        }
        try {
            return action.get();
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> {
                if (errors.getFieldType(field) != null) {
                    errors.rejectValue(field, "invalid", message);
                } else {
                    errors.reject("invalid", message);
                }
            });
        } catch (ConflictException e) {
            errors.rejectValue("apiKey", e.code(), e.getMessage());
        }
        return null;
    }
}
