package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agent who accepts a contact becomes the case's owner when it has none (one owner per
 * problem). A separate transaction after the acceptance: a case that cannot take the owner (owned
 * meanwhile, closed, in a team the agent cannot see) keeps its owner and the acceptance stands.
 */
@Component
class CaseOwnership {

    private static final Logger log = LoggerFactory.getLogger(CaseOwnership.class);

    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final AgentManagement agents;
    private final TransactionTemplate alone;

    CaseOwnership(
            CaseManagement cases, CaseLookup lookup, AgentManagement agents, PlatformTransactionManager transactions) {
        this.cases = cases;
        this.lookup = lookup;
        this.agents = agents;
        this.alone = new TransactionTemplate(transactions);
        this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void takeIfUnowned(CaseId caseId, AgentId agentId) {
        try {
            alone.executeWithoutResult(status -> {
                var agent = agents.signedIn(agentId);
                if (agent.isPresent() && lookup.detail(caseId).summary().ownerId() == null) {
                    cases.assign(caseId, agentId, agent.get());
                }
            });
        } catch (RuntimeException e) {
            log.warn(
                    "Case {}: agent {} accepted its contact but could not become its owner: {}",
                    caseId,
                    agentId,
                    e.getMessage());
        }
    }
}
