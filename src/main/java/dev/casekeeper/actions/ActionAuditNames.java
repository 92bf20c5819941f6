package dev.casekeeper.actions;

import dev.casekeeper.audit.AuditSubjectName;
import dev.casekeeper.audit.AuditSubjectNames;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Actions in the audit log by what they are and their case's number, linked to the case. */
@Component
class ActionAuditNames implements AuditSubjectNames {

    private final ActionQueries actions;

    ActionAuditNames(ActionQueries actions) {
        this.actions = actions;
    }

    @Override
    public String type() {
        return "action";
    }

    @Override
    public Map<String, AuditSubjectName> names(Set<String> ids) {
        return actions.all(AuditSubjectNames.uuids(ids)).stream()
                .collect(Collectors.toMap(
                        a -> a.id().toString(),
                        a -> new AuditSubjectName(
                                "action", a.title() + " (#" + a.caseNumber() + ")", "/cases/" + a.caseNumber())));
    }
}
