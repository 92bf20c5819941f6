package dev.casekeeper.routing;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.shared.Actor;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Requests for a supervisor, always honoured: from the chat widget's button, a customer message
 * asking for one, or an agent. A request escalates the case, waits in the supervisors' queue until a
 * supervisor takes it, and they are told.
 */
@Service
public class SupervisorRequestManagement {

    private final SupervisorRequests requests;
    private final CaseLookup cases;

    SupervisorRequestManagement(SupervisorRequests requests, CaseLookup cases) {
        this.requests = requests;
        this.cases = cases;
    }

    /**
     * Someone asked for a supervisor ({@code source}: {@code widget}, {@code message}, {@code agent}, …): the case is
     * escalated to high priority at least, waits in the supervisors' queue, and they are told. While a request is
     * open, asking again answers that request and changes nothing.
     */
    public SupervisorRequest request(CaseId caseId, String source, Actor by) {
        return requests.request(caseId, source, by);
    }

    /** An agent who may see the case asks for a supervisor. */
    public SupervisorRequest request(CaseId caseId, SignedInAgent by) {
        cases.find(caseId, by);
        return requests.request(caseId, "agent", by.actor());
    }

    /** Open requests for a supervisor, oldest first (supervisors and admins). */
    public List<SupervisorRequest> open(SignedInAgent viewer) {
        return requests.open(viewer);
    }

    /** A supervisor takes a request: joins the live contact, or owns the case when nobody does. */
    public SupervisorRequest take(SupervisorRequestId id, SignedInAgent by) {
        return requests.take(id, by);
    }

    /** The case's open request for a supervisor, or else its latest. */
    public Optional<SupervisorRequest> latestOf(CaseId caseId) {
        return requests.latestOf(caseId);
    }
}
