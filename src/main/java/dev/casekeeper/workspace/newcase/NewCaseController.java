package dev.casekeeper.workspace.newcase;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.Team;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's New case page: Log a call (a new phone case, or a call added to an existing case)
 * or a plain new case on any channel, for a customer found or created by phone or email. A refused
 * form comes back with what was typed and why, and nothing was created.
 */
@Controller
class NewCaseController {

    private final NewCases newCases;
    private final CaseLookup lookup;
    private final AgentManagement agents;

    NewCaseController(NewCases newCases, CaseLookup lookup, AgentManagement agents) {
        this.newCases = newCases;
        this.lookup = lookup;
        this.agents = agents;
    }

    @GetMapping("/cases/new")
    String page(
            @AuthenticationPrincipal SignedInAgent me, @RequestParam(defaultValue = "call") String kind, Model model) {
        return show(me, NewCaseForm.blank("case".equals(kind) ? "case" : "call"), Map.of(), null, model);
    }

    @PostMapping("/cases/new")
    String create(@AuthenticationPrincipal SignedInAgent me, @ModelAttribute NewCaseForm form, Model model) {
        try {
            var team = team(form.teamId());
            if (form.call()) {
                var kase = newCases.logCall(
                        new LogCall(
                                existingCase(form.caseNumber(), me),
                                blank(form.caseNumber()) ? form.customer() : null,
                                enumOf("direction", form.direction(), LogCall.Direction::from),
                                Duration.ofMinutes(minutes(form.durationMinutes())),
                                enumOf("disposition", form.disposition(), LogCall.Disposition::from),
                                form.notes() == null ? "" : form.notes(),
                                form.subject(),
                                team),
                        me);
                return "redirect:/cases/" + kase.number();
            }
            var kase = newCases.open(
                    form.customer(),
                    form.subject(),
                    form.notes() == null ? "" : form.notes(),
                    enumOf("channel", form.channel(), Channel::from),
                    team,
                    me);
            return "redirect:/cases/" + kase.number();
        } catch (InvalidInputException e) {
            return show(me, form, e.fieldErrors(), null, model);
        } catch (ConflictException | NotFoundException e) {
            return show(me, form, Map.of(), e.getMessage(), model);
        }
    }

    private String show(
            SignedInAgent me, NewCaseForm form, Map<String, String> errors, @Nullable String refusal, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", new LinkedHashMap<>(errors));
        model.addAttribute("refusal", refusal);
        model.addAttribute("teams", teams(me));
        model.addAttribute(
                "channels", Arrays.stream(Channel.values()).map(Channel::value).toList());
        model.addAttribute(
                "dispositions",
                Arrays.stream(LogCall.Disposition.values())
                        .map(LogCall.Disposition::value)
                        .toList());
        model.addAttribute("newCaseView", true);
        return "workspace/new-case";
    }

    private List<Team> teams(SignedInAgent me) {
        return agents.teams().stream()
                .filter(t -> newCases.mayOpenIn(t.id(), me))
                .toList();
    }

    private @Nullable CaseId existingCase(@Nullable String number, SignedInAgent me) {
        if (blank(number)) {
            return null;
        }
        try {
            return lookup.findByNumber(Long.parseLong(number.strip().replaceFirst("^#", "")), me)
                    .summary()
                    .id();
        } catch (NumberFormatException | NotFoundException e) {
            throw new InvalidInputException("caseNumber", "is not the number of a case you can open");
        }
    }

    private static @Nullable TeamId team(@Nullable String id) {
        if (blank(id)) {
            return null;
        }
        try {
            return new TeamId(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("teamId", "is not a team");
        }
    }

    private static long minutes(@Nullable String typed) {
        if (blank(typed)) {
            return 0;
        }
        try {
            return Long.parseLong(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("durationMinutes", "give the length of the call in whole minutes");
        }
    }

    private static <T> T enumOf(String field, @Nullable String value, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "choose one of the options");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
