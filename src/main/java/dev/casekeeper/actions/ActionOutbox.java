package dev.casekeeper.actions;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the call that runs an action in the caller's transaction (the one that approved or started
 * it), so a started action is always called and a rolled-back one never; wakes every node's sender
 * once that transaction commits ({@link CallsDue}: this node's right after the commit, the others
 * through the cluster bus). The body is fixed here: every attempt signs the same bytes.
 */
@Component
class ActionOutbox {

    private final ActionCallQueries calls;
    private final CallsDue due;
    private final JsonMapper json;
    private final Clock clock;

    ActionOutbox(ActionCallQueries calls, CallsDue due, JsonMapper json, Clock clock) {
        this.calls = calls;
        this.due = due;
        this.json = json;
        this.clock = clock;
    }

    void enqueue(Action action, ActionType type, @Nullable String approvedByName) {
        var id = UUID.randomUUID();
        var now = clock.instant();
        var data = new LinkedHashMap<String, @Nullable Object>();
        data.put("actionId", action.id());
        data.put("actionType", type.name());
        data.put("kind", type.kind().value());
        data.put("caseId", action.caseId().value());
        data.put("caseNumber", action.caseNumber());
        data.put("amount", action.amount() == null ? null : action.amount().toPlainString());
        data.put("currency", action.currency());
        data.put("fields", action.fields());
        data.put("note", action.note());
        data.put("proposedBy", action.proposedByName());
        data.put("approvedBy", approvedByName);
        var body = new LinkedHashMap<String, @Nullable Object>();
        body.put("id", id);
        body.put("type", "action.run");
        body.put("occurredAt", now.toString());
        body.put("data", data);
        calls.insert(id, action.id(), json.writeValueAsString(body), now);
        due.dueAfterCommit();
    }
}
