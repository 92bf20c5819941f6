package dev.casekeeper.sla.web;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.fields.FieldManagement;
import dev.casekeeper.fields.FieldSubject;
import dev.casekeeper.fields.FieldType;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.sla.PolicyId;
import dev.casekeeper.sla.SavePolicy;
import dev.casekeeper.sla.SlaCalendar;
import dev.casekeeper.sla.SlaManagement;
import dev.casekeeper.sla.SlaPolicy;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for SLA policies: the list in the order they are tried, adding, changing and
 * removing one. Whatever is refused comes back beside the field with what was typed, and nothing
 * is saved.
 */
@Controller
class PoliciesAdminController {

    static final String LIST = "sla/admin-policies";
    static final String EDIT = "sla/admin-policy";

    /**
     * A custom field a policy can ask for: its options (a dropdown's or multi-select's), whether it is
     * a checkbox, and whether it still exists (a condition on a removed field is shown so it can be cleared).
     */
    record FieldRow(String apiKey, String name, List<String> options, boolean checkbox, boolean removed) {}

    private final SlaManagement sla;
    private final AgentManagement agents;
    private final FieldManagement fields;

    PoliciesAdminController(SlaManagement sla, AgentManagement agents, FieldManagement fields) {
        this.sla = sla;
        this.agents = agents;
        this.fields = fields;
    }

    @GetMapping("/admin/policies")
    String list(Model model) {
        model.addAttribute("policies", sla.policies());
        model.addAttribute(
                "calendarNames",
                sla.calendars().stream().collect(Collectors.toMap(c -> c.id().value(), SlaCalendar::name)));
        return LIST;
    }

    @GetMapping("/admin/policies/new")
    String newPolicy(Model model) {
        var calendars = sla.calendars();
        model.addAttribute(
                "policyForm",
                PolicyForm.empty(
                        calendars.isEmpty() ? null : calendars.getFirst().id().value()));
        return edit(model, null);
    }

    @PostMapping("/admin/policies")
    String create(
            @Valid @ModelAttribute("policyForm") PolicyForm form,
            BindingResult errors,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var saved = save(form, errors, sla::createPolicy);
        if (saved == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, null);
        }
        redirect.addFlashAttribute("notice", "policies.notice.created");
        return "redirect:/admin/policies/" + saved.id();
    }

    @GetMapping("/admin/policies/{id}")
    String show(@PathVariable UUID id, Model model) {
        var policy = sla.policy(new PolicyId(id));
        model.addAttribute("policyForm", PolicyForm.of(policy));
        return edit(model, policy);
    }

    @PostMapping("/admin/policies/{id}")
    String change(
            @PathVariable UUID id,
            @Valid @ModelAttribute("policyForm") PolicyForm form,
            BindingResult errors,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var policyId = new PolicyId(id);
        var current = sla.policy(policyId);
        var saved = save(form, errors, command -> sla.replacePolicy(policyId, command));
        if (saved == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, current);
        }
        redirect.addFlashAttribute("notice", "policies.notice.saved");
        return "redirect:/admin/policies/" + id;
    }

    @PostMapping("/admin/policies/{id}/deletion")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        sla.deletePolicy(new PolicyId(id));
        redirect.addFlashAttribute("notice", "policies.notice.deleted");
        return "redirect:/admin/policies";
    }

    private String edit(Model model, @Nullable SlaPolicy policy) {
        model.addAttribute("policy", policy);
        model.addAttribute("calendars", sla.calendars());
        model.addAttribute("teams", agents.teams());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("targetKinds", PolicyForm.TARGETS);
        var form = (PolicyForm) model.getAttribute("policyForm");
        model.addAttribute("caseFields", rows(FieldSubject.CASE, form == null ? null : form.customFields()));
        model.addAttribute("customerFields", rows(FieldSubject.CUSTOMER, form == null ? null : form.customerFields()));
        return EDIT;
    }

    /** A choice per field of the subject, and one per field a condition names that was removed since. */
    private List<FieldRow> rows(FieldSubject subject, @Nullable Map<String, String> chosen) {
        var rows = new ArrayList<FieldRow>();
        fields.list(subject)
                .forEach(f -> rows.add(
                        new FieldRow(f.apiKey(), f.name(), f.options(), f.type() == FieldType.CHECKBOX, false)));
        if (chosen != null) {
            chosen.keySet().stream()
                    .filter(key -> rows.stream().noneMatch(r -> r.apiKey().equals(key)))
                    .sorted()
                    .forEach(key -> rows.add(new FieldRow(key, key, List.of(), false, true)));
        }
        return rows;
    }

    /** The saved policy, or null when it was refused; the refusal is then beside its field. */
    private static @Nullable SlaPolicy save(
            PolicyForm form, BindingResult errors, Function<SavePolicy, SlaPolicy> action) {
        var command = form.toCommand(errors);
        if (command == null) {
            return null;
        }
        try {
            return action.apply(command);
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> {
                String formField = field.startsWith(CUSTOM_FIELDS)
                        ? "customFields[" + field.substring(CUSTOM_FIELDS.length()) + "]"
                        : field.startsWith(CUSTOMER_FIELDS)
                                ? "customerFields[" + field.substring(CUSTOMER_FIELDS.length()) + "]"
                                : FIELDS.getOrDefault(field, null);
                if (formField != null) {
                    errors.rejectValue(formField, "invalid", message);
                } else {
                    errors.reject("invalid", field + ": " + message);
                }
            });
        } catch (ConflictException e) {
            errors.rejectValue("name", e.code(), e.getMessage());
        }
        return null;
    }

    private static final String CUSTOM_FIELDS = "conditions.customFields.";
    private static final String CUSTOMER_FIELDS = "conditions.customerFields.";

    /** The facade's field names as the form names them. */
    private static final Map<String, String> FIELDS = Map.of(
            "name", "name",
            "position", "position",
            "calendarId", "calendarId",
            "checkinAfterBusinessDays", "checkinDays",
            "conditions.teamIds", "teamIds");
}
