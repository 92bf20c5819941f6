package dev.casekeeper.automations.web;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.automations.Automation;
import dev.casekeeper.automations.AutomationManagement;
import dev.casekeeper.macros.MacroManagement;
import dev.casekeeper.macros.Placeholder;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
 * Admin pages for automations: the triggers and time-based automations in the order they run, adding
 * and changing one (its conditions and actions as rows), enabling, removing, and the dry-run page
 * that lists the cases it would act on now. A refusal shows beside the field it names.
 */
@Controller
class AutomationsAdminController {

    static final String LIST = "automations/admin-list";
    static final String EDIT = "automations/admin-edit";
    static final String DRY_RUN = "automations/dry-run";

    /** How many canned responses the page lists with their ids, for {@code send_email}'s {@code macro:<id>}. */
    static final int MACROS_LISTED = 100;

    private final AutomationManagement automations;
    private final AgentManagement agents;
    private final MacroManagement macros;

    AutomationsAdminController(AutomationManagement automations, AgentManagement agents, MacroManagement macros) {
        this.automations = automations;
        this.agents = agents;
        this.macros = macros;
    }

    @GetMapping("/admin/automations")
    String list(Model model) {
        model.addAttribute("triggers", automations.list(Automation.Kind.TRIGGER));
        model.addAttribute("timed", automations.list(Automation.Kind.TIMED));
        return LIST;
    }

    @GetMapping("/admin/automations/new")
    String newAutomation(@RequestParam(defaultValue = "trigger") String kind, Model model) {
        var form = AutomationForm.empty("timed".equals(kind) ? Automation.Kind.TIMED : Automation.Kind.TRIGGER);
        return edit(model, form, null, Map.of());
    }

    @PostMapping("/admin/automations")
    String create(
            @Valid @ModelAttribute("automationForm") AutomationForm form,
            BindingResult binding,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, form, null, errors(binding));
        }
        try {
            var created = automations.create(form.automationKind(), form.command());
            redirect.addFlashAttribute("notice", "automations.notice.created");
            return "redirect:/admin/automations/" + created.id();
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, form, null, errors(e));
        }
    }

    @GetMapping("/admin/automations/{id}")
    String show(@PathVariable UUID id, Model model) {
        var automation = automations.find(id);
        return edit(model, AutomationForm.of(automation), automation, Map.of());
    }

    @PostMapping("/admin/automations/{id}")
    String change(
            @PathVariable UUID id,
            @Valid @ModelAttribute("automationForm") AutomationForm form,
            BindingResult binding,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var current = automations.find(id);
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, form, current, errors(binding));
        }
        try {
            automations.update(current.kind(), id, form.command());
            redirect.addFlashAttribute("notice", "automations.notice.saved");
            return "redirect:/admin/automations/" + id;
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, form, current, errors(e));
        }
    }

    @PostMapping("/admin/automations/{id}/deletion")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        var current = automations.find(id);
        automations.delete(current.kind(), id);
        redirect.addFlashAttribute("notice", "automations.notice.deleted");
        return "redirect:/admin/automations";
    }

    @GetMapping("/admin/automations/{id}/dry-run")
    String dryRun(@PathVariable UUID id, Model model) {
        var automation = automations.find(id);
        model.addAttribute("automation", automation);
        model.addAttribute("dryRun", automations.dryRun(automation.kind(), id));
        model.addAttribute(
                "sendsEmail",
                automation.actions().stream().anyMatch(a -> a.type().equals("send_email")));
        return DRY_RUN;
    }

    private String edit(Model model, AutomationForm form, @Nullable Automation automation, Map<String, String> errors) {
        model.addAttribute("automationForm", form);
        model.addAttribute("automation", automation);
        model.addAttribute("errors", errors);
        model.addAttribute("events", AutomationManagement.events());
        model.addAttribute("statuses", AutomationManagement.statuses());
        model.addAttribute("teams", agents.teams());
        model.addAttribute("macros", macros.search(null, MACROS_LISTED));
        model.addAttribute(
                "placeholders",
                MacroManagement.placeholders().stream()
                        .map(Placeholder::written)
                        .collect(java.util.stream.Collectors.joining(", ")));
        model.addAttribute("conditionRows", AutomationForm.CONDITION_ROWS);
        model.addAttribute("actionRows", AutomationForm.ACTION_ROWS);
        return EDIT;
    }

    /** What the binding refused (text Casekeeper cannot keep, a number that is none), by field. */
    private static Map<String, String> errors(BindingResult binding) {
        var errors = new LinkedHashMap<String, String>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), String.valueOf(e.getDefaultMessage())));
        return errors;
    }

    private static Map<String, String> errors(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return new LinkedHashMap<>(invalid.fieldErrors());
        }
        return Map.of("name", e.getMessage());
    }
}
