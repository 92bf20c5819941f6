package dev.casekeeper.counter.web;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Team;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.counter.AddLocation;
import dev.casekeeper.counter.AddReason;
import dev.casekeeper.counter.LocationId;
import dev.casekeeper.counter.LocationManagement;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin page for the counter: locations (with their kiosk and board addresses) and each location's
 * visit reasons, mapped to a team and skills. Admins only, as every page under {@code /admin}.
 */
@Controller
class CounterAdminController {

    private final LocationManagement locations;
    private final AgentManagement agents;

    CounterAdminController(LocationManagement locations, AgentManagement agents) {
        this.locations = locations;
        this.agents = agents;
    }

    @GetMapping("/admin/counter")
    String list(Model model) {
        model.addAttribute("locations", locations.locations());
        var teams =
                agents.teams().stream().sorted(Comparator.comparing(Team::name)).toList();
        model.addAttribute("teams", teams);
        return "counter/admin";
    }

    @PostMapping("/admin/counter/locations")
    String addLocation(
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String slug,
            @RequestParam(required = false) @Nullable String zone,
            RedirectAttributes redirect) {
        return act(redirect, () -> locations.add(new AddLocation(name, slug, zone)));
    }

    @PostMapping("/admin/counter/locations/{id}/reasons")
    String addReason(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String label,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable UUID teamId,
            @RequestParam(required = false) @Nullable String skills,
            RedirectAttributes redirect) {
        List<String> skillList = skills == null || skills.isBlank()
                ? List.of()
                : Arrays.stream(skills.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        return act(
                redirect,
                () -> locations.addReason(
                        new LocationId(id),
                        new AddReason(label, code, teamId == null ? null : new TeamId(teamId), skillList)));
    }

    private static String act(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "counter.admin.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "refused",
                    String.join(
                            "; ",
                            e.fieldErrors().entrySet().stream()
                                    .map(en -> en.getKey() + ": " + en.getValue())
                                    .toList()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/admin/counter";
    }
}
