package dev.casekeeper.fields.web;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.fields.CustomerFieldManagement;
import dev.casekeeper.fields.FieldChange;
import dev.casekeeper.fields.FieldValue;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer card's custom fields on the case page: the requester's values of the fields admins
 * defined for customers, changed by any agent who sees the case, with who changed each and when.
 * Apart from what she declared about herself, which stays hers.
 */
@Controller
class CustomerFieldsController {

    private final CustomerFieldManagement fields;
    private final CaseLookup cases;
    private final AgentManagement agents;

    CustomerFieldsController(CustomerFieldManagement fields, CaseLookup cases, AgentManagement agents) {
        this.fields = fields;
        this.cases = cases;
        this.agents = agents;
    }

    @GetMapping("/cases/{number}/customer-fields")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        var customer = requester(number, me);
        return panel(number, customer, fields.valuesOf(customer), Map.of(), Map.of(), model);
    }

    @PostMapping("/cases/{number}/customer-fields")
    String save(
            @PathVariable long number,
            @RequestParam MultiValueMap<String, String> form,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var customer = requester(number, me);
        var current = fields.valuesOf(customer);
        var sent = PanelForm.read(current, form);
        try {
            var saved = fields.set(customer, sent.given(), me);
            model.addAttribute("saved", true);
            return panel(number, customer, saved, Map.of(), Map.of(), model);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return panel(number, customer, current, e.fieldErrors(), sent.typed(), model);
        } catch (ConflictException e) {
            // Her record was merged into another or erased since the page was shown.
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", e.getMessage());
            return panel(number, customer, current, Map.of(), sent.typed(), model);
        }
    }

    private String panel(
            long number,
            CustomerId customer,
            List<FieldValue> values,
            Map<String, String> errors,
            Map<String, String> typed,
            Model model) {
        var history = fields.history(customer);
        var latest = new LinkedHashMap<String, FieldChange>();
        history.forEach(change -> latest.putIfAbsent(change.apiKey(), change));
        var names = agents.names(history.stream()
                .filter(c -> c.by().kind() == Actor.Kind.AGENT && c.by().id() != null)
                .map(c -> new AgentId(c.by().id()))
                .distinct()
                .toList());
        var byName = new LinkedHashMap<String, String>();
        names.forEach((id, name) -> byName.put(id.value().toString(), name));
        model.addAttribute("number", number);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("history", history);
        model.addAttribute("latest", latest);
        model.addAttribute("agentNames", byName);
        return "fields/customer :: panel";
    }

    private CustomerId requester(long number, SignedInAgent me) {
        return cases.findByNumber(number, me).summary().requesterId();
    }
}
