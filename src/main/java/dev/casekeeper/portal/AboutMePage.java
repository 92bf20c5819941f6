package dev.casekeeper.portal;

import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.MergeManagement;
import dev.casekeeper.customers.SuggestionManagement;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the "About me" page's model, for its own controller and for refusals of the identity forms on it. */
@Component
class AboutMePage {

    private final CustomerManagement customers;
    private final SuggestionManagement suggestions;
    private final MergeManagement merges;

    AboutMePage(CustomerManagement customers, SuggestionManagement suggestions, MergeManagement merges) {
        this.customers = customers;
        this.suggestions = suggestions;
        this.merges = merges;
    }

    /** The page; {@code submitted} keeps what she typed when it was refused. */
    String show(PortalCustomer customer, Model model, @Nullable Map<String, String> submitted) {
        var record = customers.find(customer.id());
        var proposals = merges.proposedFor(customer.id()).stream()
                .map(merge -> AboutMe.proposal(merge, customers.find(merge.other(customer.id()))))
                .filter(p -> !p.maskedEmails().isEmpty())
                .toList();
        var about = AboutMe.of(record, suggestions.pending(customer.id()), proposals);
        model.addAttribute("customer", customer);
        model.addAttribute("about", about);
        model.addAttribute("form", submitted == null ? about.values() : submitted);
        model.addAttribute("channels", AboutMe.CHANNELS);
        model.addAttribute("languages", PortalLanguages.SUPPORTED);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "portal/about";
    }
}
