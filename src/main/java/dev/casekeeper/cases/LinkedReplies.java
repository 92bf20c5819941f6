package dev.casekeeper.cases;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.ConflictException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Tells the customers of a problem's incidents what the agent writes on the problem: one reply on
 * each linked case the agent may see, and, when asked, solves it. Each case is its own change, so a
 * refusal on one (a closed incident, an open promise) leaves the others done, and the answer says
 * exactly which were.
 */
@Service
public class LinkedReplies {

    /**
     * What happened on one linked case: {@code refusalCode} and {@code refusalDetail} say why a step
     * was refused.
     */
    public record LinkedReply(
            CaseId caseId,
            long number,
            boolean replied,
            boolean solved,
            @Nullable String refusalCode,
            @Nullable String refusalDetail) {}

    private final CaseRelations relations;
    private final CaseManagement cases;
    private final CaseLookup lookup;

    LinkedReplies(CaseRelations relations, CaseManagement cases, CaseLookup lookup) {
        this.relations = relations;
        this.cases = cases;
        this.lookup = lookup;
    }

    /** Replies on each incident of the problem the agent may see; incidents they may not see are left alone. */
    public List<LinkedReply> send(CaseId parentId, String body, boolean solve, SignedInAgent by) {
        var view = relations.of(parentId, by);
        var results = new ArrayList<LinkedReply>();
        for (var link : view.links()) {
            if (!link.standing() || !link.parentId().equals(parentId)) {
                continue;
            }
            results.add(send(link.childId(), link.childNumber(), body, solve, by));
        }
        return List.copyOf(results);
    }

    private LinkedReply send(CaseId child, long number, String body, boolean solve, SignedInAgent by) {
        try {
            cases.reply(child, body, null, by);
        } catch (ConflictException e) {
            return new LinkedReply(child, number, false, false, e.code(), e.getMessage());
        }
        if (!solve || lookup.summary(child).status() == CaseStatus.SOLVED) {
            return new LinkedReply(child, number, true, solve, null, null);
        }
        try {
            cases.change(child, new ChangeCase(CaseStatus.SOLVED, null, null), by);
            return new LinkedReply(child, number, true, true, null, null);
        } catch (ConflictException e) {
            return new LinkedReply(child, number, true, false, e.code(), e.getMessage());
        }
    }
}
