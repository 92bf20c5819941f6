package dev.casekeeper.audit;

import dev.casekeeper.agents.AgentManagement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A settings change is recorded with its path; one that changed a team or an agent ({@code
 * /admin/teams/{id}}, {@code /api/v1/routing/teams/{id}}, {@code /api/v1/agents/{id}/teams}, ...) is
 * named after it. Other paths (a mailbox, a policy) stay as recorded: they read well enough.
 */
@Component
class SettingsSubjectNames implements AuditSubjectNames {

    private static final Pattern NAMED = Pattern.compile("/(teams|agents)/([0-9a-fA-F-]{36})(?:/|$)");

    private final AgentManagement agents;

    SettingsSubjectNames(AgentManagement agents) {
        this.agents = agents;
    }

    @Override
    public String type() {
        return "settings";
    }

    @Override
    public Map<String, AuditSubjectName> names(Set<String> paths) {
        var wanted = new HashMap<String, String>();
        for (var path : paths) {
            var found = NAMED.matcher(path);
            if (found.find()) {
                wanted.put(path, found.group(1) + "/" + found.group(2).toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (wanted.isEmpty()) {
            return Map.of();
        }
        var named = new HashMap<String, AuditSubjectName>();
        if (wanted.values().stream().anyMatch(w -> w.startsWith("teams/"))) {
            agents.teams()
                    .forEach(t -> named.put(
                            "teams/" + t.id().value(),
                            new AuditSubjectName("team", t.name(), "/admin/teams/" + t.id().value())));
        }
        if (wanted.values().stream().anyMatch(w -> w.startsWith("agents/"))) {
            agents.list()
                    .forEach(a -> named.put(
                            "agents/" + a.id().value(),
                            new AuditSubjectName(
                                    "agent", a.name() + " (" + a.email() + ")", "/admin/agents/" + a.id().value())));
        }
        var names = new HashMap<String, AuditSubjectName>();
        wanted.forEach((path, thing) -> {
            @Nullable AuditSubjectName name = named.get(thing);
            if (name != null) {
                names.put(path, name);
            }
        });
        return names;
    }
}
