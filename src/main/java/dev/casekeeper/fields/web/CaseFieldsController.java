package dev.casekeeper.fields.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.fields.FieldManagement;
import dev.casekeeper.fields.FieldValue;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
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

/** The case page's Fields panel: the case's custom fields, filled in and changed by its agents. */
@Controller
class CaseFieldsController {

    private final FieldManagement fields;
    private final CaseLookup cases;

    CaseFieldsController(FieldManagement fields, CaseLookup cases) {
        this.fields = fields;
        this.cases = cases;
    }

    @GetMapping("/cases/{number}/fields")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        var id = caseId(number, me);
        return panel(number, fields.caseValues(id, me), Map.of(), Map.of(), model);
    }

    @PostMapping("/cases/{number}/fields")
    String save(
            @PathVariable long number,
            @RequestParam MultiValueMap<String, String> form,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var id = caseId(number, me);
        var current = fields.caseValues(id, me);
        var sent = PanelForm.read(current, form);
        var given = sent.given();
        var typed = sent.typed();
        try {
            var saved = fields.setCaseValues(id, given, me);
            model.addAttribute("saved", true);
            return panel(number, saved, Map.of(), Map.of(), model);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return panel(number, current, e.fieldErrors(), typed, model);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", e.getMessage());
            return panel(number, current, Map.of(), typed, model);
        }
    }

    private String panel(
            long number, List<FieldValue> values, Map<String, String> errors, Map<String, String> typed, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "fields/case :: panel";
    }

    private CaseId caseId(long number, SignedInAgent me) {
        return cases.findByNumber(number, me).summary().id();
    }
}
