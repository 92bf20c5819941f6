package dev.casekeeper.portal;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Team;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of the web form's topics: the list in the form's order, each editable in place,
 * and a form to add one. A refused change comes back beside its field with what was typed.
 */
@Controller
class ContactTopicsAdminController {

    static final String VIEW = "portal/admin-topics";

    private final ContactTopics topics;
    private final AgentManagement agents;

    ContactTopicsAdminController(ContactTopics topics, AgentManagement agents) {
        this.topics = topics;
        this.agents = agents;
    }

    @GetMapping("/admin/contact-topics")
    String list(Model model) {
        return show(model, null, null, Map.of());
    }

    @PostMapping("/admin/contact-topics")
    String create(
            @RequestParam(defaultValue = "0") String position,
            @RequestParam(defaultValue = "") String teamId,
            @RequestParam(defaultValue = "") String labelEn,
            @RequestParam(defaultValue = "") String labelDe,
            @RequestParam(defaultValue = "") String labelEs,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(null, position, teamId, labelEn, labelDe, labelEs, model, response, redirect);
    }

    @PostMapping("/admin/contact-topics/{id}")
    String replace(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") String position,
            @RequestParam(defaultValue = "") String teamId,
            @RequestParam(defaultValue = "") String labelEn,
            @RequestParam(defaultValue = "") String labelDe,
            @RequestParam(defaultValue = "") String labelEs,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        topics.get(id);
        return save(id, position, teamId, labelEn, labelDe, labelEs, model, response, redirect);
    }

    @PostMapping("/admin/contact-topics/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        topics.delete(id);
        redirect.addFlashAttribute("notice", "topics.deleted");
        return "redirect:/admin/contact-topics";
    }

    private String save(
            @Nullable UUID id,
            String position,
            String teamId,
            String labelEn,
            String labelDe,
            String labelEs,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var typed = new Typed(position, teamId, labelEn, labelDe, labelEs);
        try {
            int at;
            try {
                at = Integer.parseInt(position.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("position", "must be a whole number");
            }
            UUID team = teamId.isBlank() ? null : UUID.fromString(teamId.strip());
            var save = new ContactTopic.Save(at, team, labelEn, labelDe, labelEs);
            if (id == null) {
                topics.create(save);
            } else {
                topics.replace(id, save);
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, id, typed, e.fieldErrors());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, id, typed, Map.of("teamId", "no such team"));
        }
        redirect.addFlashAttribute("notice", "topics.saved");
        return "redirect:/admin/contact-topics";
    }

    /** What the admin typed into one of the forms, shown again when it is refused. */
    record Typed(String position, String teamId, String labelEn, String labelDe, String labelEs) {}

    private String show(Model model, @Nullable UUID editing, @Nullable Typed typed, Map<String, String> errors) {
        model.addAttribute("topics", topics.list());
        var teams = agents.teams();
        model.addAttribute("teams", teams);
        model.addAttribute("teamNames", teams.stream().collect(Collectors.toMap(t -> t.id().value(), Team::name)));
        model.addAttribute("editing", editing);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return VIEW;
    }
}
