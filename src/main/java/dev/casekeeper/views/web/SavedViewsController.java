package dev.casekeeper.views.web;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.Team;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.fields.FieldManagement;
import dev.casekeeper.fields.FieldSubject;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.views.SavedView;
import dev.casekeeper.views.SavedViewManagement;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saved views in the workspace: the builder, a view's cases with its columns, and the sidebar's
 * list of views with their counts (loaded by the sidebar, so it refreshes whenever the sidebar does).
 */
@Controller
class SavedViewsController {

    private static final String FIELD_PREFIX = "f.";
    private static final int PAGE_SIZE = 50;

    private final SavedViewManagement views;
    private final FieldManagement fields;
    private final AgentManagement agents;

    SavedViewsController(SavedViewManagement views, FieldManagement fields, AgentManagement agents) {
        this.views = views;
        this.fields = fields;
        this.agents = agents;
    }

    @GetMapping("/saved-views/nav")
    String nav(@AuthenticationPrincipal SignedInAgent me, @RequestParam(required = false) UUID current, Model model) {
        model.addAttribute("savedViews", views.visibleTo(me));
        model.addAttribute("savedCounts", views.counts(me));
        model.addAttribute("currentView", current);
        return "views/nav :: list";
    }

    @GetMapping("/saved-views/new")
    String builder(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("viewForm", ViewForm.empty());
        return builder(me, Map.of(), model);
    }

    @PostMapping("/saved-views")
    String save(
            @Valid @ModelAttribute("viewForm") ViewForm form,
            BindingResult errors,
            @RequestParam MultiValueMap<String, String> parameters,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var typed = new HashMap<String, String>();
        parameters.forEach((name, values) -> {
            if (name.startsWith(FIELD_PREFIX)
                    && !values.isEmpty()
                    && !values.getLast().isBlank()) {
                typed.put(name.substring(FIELD_PREFIX.length()), values.getLast());
            }
        });
        if (!errors.hasErrors()) {
            try {
                var saved = views.create(form.command(typed), me);
                return "redirect:/saved-views/" + saved.id();
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach((field, message) -> {
                    if (errors.getFieldType(field) != null) {
                        errors.rejectValue(field, "invalid", message);
                    } else {
                        errors.reject("invalid", field + " " + message);
                    }
                });
            } catch (AccessDeniedException e) {
                errors.rejectValue("shareWith", "forbidden", e.getMessage());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return builder(me, typed, model);
    }

    @GetMapping("/saved-views/{id}")
    String show(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal SignedInAgent me,
            Model model) {
        var view = views.find(id, me);
        var found = views.cases(id, me, page, PAGE_SIZE);
        var ids = found.items().stream().map(CaseSummary::id).toList();
        model.addAttribute("savedView", view);
        model.addAttribute("found", found);
        model.addAttribute("fieldTexts", fields.textsOf(ids));
        model.addAttribute(
                "fieldNames",
                fields.list(FieldSubject.CASE).stream()
                        .collect(Collectors.toMap(f -> f.apiKey(), f -> f.name(), (a, b) -> a)));
        model.addAttribute(
                "ownerNames",
                agents.names(found.items().stream()
                        .map(CaseSummary::ownerId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList()));
        model.addAttribute("teamNames", teamNames());
        model.addAttribute("currentView", id);
        return "views/list";
    }

    @PostMapping("/saved-views/{id}/deletion")
    String delete(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        views.delete(id, me);
        return "redirect:/";
    }

    private String builder(SignedInAgent me, Map<String, String> typed, Model model) {
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("teams", agents.teams());
        model.addAttribute("caseFields", fields.list(FieldSubject.CASE));
        model.addAttribute("columns", SavedView.COLUMNS);
        model.addAttribute("typed", typed);
        model.addAttribute("mayShare", me.role().seesAllTeams());
        return "views/new";
    }

    private Map<dev.casekeeper.agents.TeamId, String> teamNames() {
        return agents.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
    }
}
