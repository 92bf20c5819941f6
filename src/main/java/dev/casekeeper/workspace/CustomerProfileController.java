package dev.casekeeper.workspace;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.customers.ChangeCustomer;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.SelfField;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.workspace.CaseForms.ProfileForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Edits the requester's profile from the case's context panel. A field the customer declared
 * about themselves is theirs: an agent's change to it is refused, beside the field, and nothing
 * of the form is saved.
 */
@Controller
class CustomerProfileController {

    private final CustomerManagement customers;
    private final CasePages pages;
    private final CaseScreen screen;

    CustomerProfileController(CustomerManagement customers, CasePages pages, CaseScreen screen) {
        this.customers = customers;
        this.pages = pages;
        this.screen = screen;
    }

    @PostMapping("/cases/{number}/customer")
    String change(
            @PathVariable long number,
            @Valid @ModelAttribute("profileForm") ProfileForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var detail = pages.detail(number, me);
        var customer = customers.find(detail.summary().requesterId());
        if (form.displayName() != null
                && !form.displayName().isBlank()
                && !form.displayName().strip().equals(customer.displayName())
                && customer.displayNameLocked()) {
            // Her name is hers like a declared field: refused beside it; a suggestion is the way.
            errors.rejectValue("displayName", "profile.locked", new Object[] {customer.displayName()}, null);
        }
        var fields = new LinkedHashMap<String, String>();
        Map<String, String> submitted = form.fields() == null ? Map.of() : form.fields();
        for (var field : SelfField.values()) {
            String value = submitted.get(field.key());
            if (value == null) {
                continue;
            }
            var current = customer.fields().get(field.key());
            boolean changes =
                    current == null ? !value.isBlank() : !current.value().equals(value.strip());
            // Checked here too, so the refusal can stand beside the very field the agent changed.
            if (changes && current != null && current.declaredByCustomer()) {
                errors.rejectValue(
                        "fields[" + field.key() + "]", "profile.locked", new Object[] {current.value()}, null);
            }
            fields.put(field.key(), value);
        }
        if (!errors.hasErrors()) {
            try {
                customers.change(customer.id(), new ChangeCustomer(form.displayName(), fields), me.actor());
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach((field, message) -> errors.reject("invalid", message));
            } catch (ConflictException e) {
                errors.reject("conflict", e.getMessage());
            }
        }
        if (errors.hasErrors()) {
            var status = errors.getFieldErrors().stream().anyMatch(e -> "profile.locked".equals(e.getCode()))
                    ? HttpStatus.CONFLICT
                    : CaseScreen.statusOf(errors);
            return screen.refused(number, "context", status, me, request, response, model);
        }
        screen.forget(model, "profileForm");
        return screen.done(number, "context", me, request, response, model);
    }
}
