package dev.casekeeper.portal;

import dev.casekeeper.customers.ChangeCustomer;
import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.SelfField;
import dev.casekeeper.customers.SuggestionManagement;
import dev.casekeeper.shared.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "About me": the customer declares her name, how to address her, pronouns and gender, language,
 * preferred channel and contact times; what she declares is hers (agents see it locked). She
 * accepts or declines what agents suggested. Only what she changed is saved, so saving the page
 * does not take over values an agent set that she left alone.
 */
@Controller
class AboutMeController {

    private final AboutMePage page;
    private final CustomerManagement customers;
    private final SuggestionManagement suggestions;

    AboutMeController(AboutMePage page, CustomerManagement customers, SuggestionManagement suggestions) {
        this.page = page;
        this.customers = customers;
        this.suggestions = suggestions;
    }

    @GetMapping("/portal/about")
    String page(@AuthenticationPrincipal PortalCustomer customer, Model model) {
        return page.show(customer, model, null);
    }

    @PostMapping("/portal/about")
    String save(
            @AuthenticationPrincipal PortalCustomer customer,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        var current = AboutMe.of(customers.find(customer.id()), List.of(), List.of());
        var submitted = new LinkedHashMap<String, String>();
        for (var key : AboutMe.FIELDS) {
            submitted.put(key, form.getOrDefault(key, current.values().get(key)).strip());
        }
        var errors = errors(submitted, current);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors);
            return page.show(customer, model, submitted);
        }
        String name = submitted.get(Customer.DISPLAY_NAME);
        var changed = new LinkedHashMap<String, String>();
        for (var key : AboutMe.FIELDS.subList(1, AboutMe.FIELDS.size())) {
            if (!submitted.get(key).equals(current.values().get(key))) {
                changed.put(key, submitted.get(key));
            }
        }
        boolean nameChanged = !name.equals(current.values().get(Customer.DISPLAY_NAME));
        if (nameChanged || !changed.isEmpty()) {
            customers.change(
                    customer.id(),
                    new ChangeCustomer(nameChanged ? name : null, changed),
                    Actor.customer(customer.customerId()));
            CustomerLocaleResolver.forget(request);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/portal/about";
    }

    @PostMapping("/portal/about/suggestions/{id}/accept")
    String accept(
            @AuthenticationPrincipal PortalCustomer customer, @PathVariable UUID id, RedirectAttributes redirect) {
        suggestions.accept(customer.id(), id);
        redirect.addFlashAttribute("accepted", true);
        return "redirect:/portal/about";
    }

    @PostMapping("/portal/about/suggestions/{id}/decline")
    String decline(
            @AuthenticationPrincipal PortalCustomer customer, @PathVariable UUID id, RedirectAttributes redirect) {
        suggestions.decline(customer.id(), id);
        redirect.addFlashAttribute("declined", true);
        return "redirect:/portal/about";
    }

    private static Map<String, String> errors(Map<String, String> submitted, AboutMe current) {
        var errors = new LinkedHashMap<String, String>();
        submitted.forEach((key, value) -> {
            if (value.length() > 200) {
                errors.put(key, "portal.about.error.tooLong");
            }
        });
        if (submitted.get(Customer.DISPLAY_NAME).isEmpty()) {
            errors.put(Customer.DISPLAY_NAME, "portal.about.error.nameBlank");
        }
        String language = submitted.get(SelfField.LANGUAGE.key());
        if (!language.isEmpty()
                && !language.equals(current.values().get(SelfField.LANGUAGE.key()))
                && PortalLanguages.SUPPORTED.stream()
                        .noneMatch(l -> l.getLanguage().equals(language))) {
            errors.put(SelfField.LANGUAGE.key(), "portal.about.error.choice");
        }
        String channel = submitted.get(SelfField.PREFERRED_CHANNEL.key());
        if (!channel.isEmpty()
                && !channel.equals(current.values().get(SelfField.PREFERRED_CHANNEL.key()))
                && !AboutMe.CHANNELS.contains(channel)) {
            errors.put(SelfField.PREFERRED_CHANNEL.key(), "portal.about.error.choice");
        }
        return errors;
    }
}
