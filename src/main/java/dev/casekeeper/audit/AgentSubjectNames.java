package dev.casekeeper.audit;

import dev.casekeeper.agents.AgentManagement;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Agents by their name and current email, linked to their admin page: all agents are one query. */
@Component
class AgentSubjectNames implements AuditSubjectNames {

    private final AgentManagement agents;

    AgentSubjectNames(AgentManagement agents) {
        this.agents = agents;
    }

    @Override
    public String type() {
        return "agent";
    }

    @Override
    public Map<String, AuditSubjectName> names(Set<String> ids) {
        return agents.list().stream()
                .filter(a -> ids.contains(a.id().value().toString()))
                .collect(Collectors.toMap(
                        a -> a.id().value().toString(),
                        a -> new AuditSubjectName(
                                "agent", a.name() + " (" + a.email() + ")", "/admin/agents/" + a.id().value())));
    }
}
