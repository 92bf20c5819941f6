package dev.casekeeper.macros;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseAutomation;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.TransferCase;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a canned response does to a case besides its text: checked when an admin saves it, previewed
 * for a case (what would change, from what to what), and applied through {@link CaseManagement} as
 * the agent applying it, so every rule of an agent's own change holds (a closed case takes nothing,
 * a refused status changes nothing).
 */
@Component
class MacroEffects {

    /** The statuses a canned response may set: a new case is not made new again, and closing is final. */
    static final Set<String> STATUSES = Set.of("open", "pending", "on_hold", "solved");

    private final CaseManagement cases;
    private final AgentManagement agents;

    MacroEffects(CaseManagement cases, AgentManagement agents) {
        this.cases = cases;
        this.agents = agents;
    }

    /** What is wrong with the actions, by field ({@code actions.status} ...); empty when nothing. */
    Map<String, String> problems(MacroActions actions) {
        var errors = new LinkedHashMap<String, String>();
        if (actions.status() != null && !STATUSES.contains(actions.status())) {
            errors.put("actions.status", "must be one of open, pending, on_hold, solved");
        }
        if (actions.priority() != null) {
            try {
                Priority.from(actions.priority());
            } catch (IllegalArgumentException e) {
                errors.put("actions.priority", "must be one of low, normal, high, urgent");
            }
        }
        tags(actions.addTags(), "actions.addTags", errors);
        tags(actions.removeTags(), "actions.removeTags", errors);
        if (actions.owner() != null && !actions.owner().equals("me")) {
            try {
                agents.find(new AgentId(UUID.fromString(actions.owner())));
            } catch (IllegalArgumentException | NotFoundException e) {
                errors.put("actions.owner", "must be me or an agent's id");
            }
        }
        return errors;
    }

    /** The actions with their tags as a case keeps them; checked already. */
    MacroActions normalized(MacroActions actions) {
        return new MacroActions(
                actions.status(),
                actions.priority(),
                CaseAutomation.tags(actions.addTags()),
                CaseAutomation.tags(actions.removeTags()),
                actions.owner());
    }

    /** What applying the actions to the case would change now. */
    List<MacroChange> preview(MacroActions actions, CaseSummary kase, SignedInAgent agent) {
        if (actions.none()) {
            return List.of();
        }
        var changes = new ArrayList<MacroChange>();
        if (actions.status() != null && !actions.status().equals(kase.status().value())) {
            changes.add(new MacroChange("status", kase.status().value(), actions.status()));
        }
        if (actions.priority() != null
                && !actions.priority().equals(kase.priority().value())) {
            changes.add(new MacroChange("priority", kase.priority().value(), actions.priority()));
        }
        var tags = tags(actions, kase);
        if (!tags.equals(kase.tags())) {
            changes.add(new MacroChange("tags", joined(kase.tags()), joined(tags)));
        }
        var owner = owner(actions, agent);
        if (owner != null && !owner.equals(kase.ownerId())) {
            var names = agents.names(kase.ownerId() == null ? List.of(owner) : List.of(owner, kase.ownerId()));
            changes.add(new MacroChange(
                    "owner", kase.ownerId() == null ? null : names.get(kase.ownerId()), names.get(owner)));
        }
        return changes;
    }

    /** Applies the actions as the agent; answers the case after. */
    CaseSummary apply(String macroName, MacroActions actions, CaseSummary kase, SignedInAgent agent) {
        var tags = tags(actions, kase);
        var change = new ChangeCase(
                actions.status() == null ? null : CaseStatus.from(actions.status()),
                actions.priority() == null ? null : Priority.from(actions.priority()),
                tags.equals(kase.tags()) ? null : tags);
        var after = change.status() == null && change.priority() == null && change.tags() == null
                ? kase
                : cases.change(kase.id(), change, agent);
        var owner = owner(actions, agent);
        if (owner == null || owner.equals(after.ownerId())) {
            return after;
        }
        if (after.ownerId() == null) {
            return cases.assign(kase.id(), owner, agent);
        }
        return cases.transfer(kase.id(), new TransferCase(owner, null, macroName, kase.subject()), agent)
                .summary();
    }

    private static List<String> tags(MacroActions actions, CaseSummary kase) {
        if (actions.addTags().isEmpty() && actions.removeTags().isEmpty()) {
            return kase.tags();
        }
        var tags = new LinkedHashSet<>(kase.tags());
        actions.removeTags().forEach(tags::remove);
        tags.addAll(actions.addTags());
        return List.copyOf(tags);
    }

    private static @Nullable AgentId owner(MacroActions actions, SignedInAgent agent) {
        if (actions.owner() == null) {
            return null;
        }
        return actions.owner().equals("me") ? agent.id() : new AgentId(UUID.fromString(actions.owner()));
    }

    private static void tags(List<String> tags, String field, Map<String, String> errors) {
        try {
            CaseAutomation.tags(
                    tags.stream().map(t -> Objects.requireNonNullElse(t, "")).toList());
        } catch (InvalidInputException e) {
            errors.put(field, e.fieldErrors().getOrDefault("tags", e.getMessage()));
        }
    }

    private static @Nullable String joined(List<String> tags) {
        return tags.isEmpty() ? null : String.join(", ", tags);
    }
}
