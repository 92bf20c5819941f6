package dev.casekeeper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.actions.ActionManagement;
import dev.casekeeper.actions.ActionState;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseFilter;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo's answers to "nothing can be done": the wrong order has an exchange above Marcus's limit
 * that Grace approved, and Successful Moore's activation key was re-issued on her existing account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ActionsDemoTests {

    @Autowired
    ActionManagement actions;

    @Autowired
    AgentManagement agents;

    @Autowired
    CaseLookup lookup;

    @Test
    void theWrongOrderHasAnExchangeAboveTheAgentsLimitApprovedByASupervisor() {
        var grace = demo("grace");
        var exchange = actions.ofCase(demoCase(OrderStories.WRONG_ORDER_SUBJECT, grace), grace).stream()
                .filter(a -> a.typeName().equals(ActionsDemo.EXCHANGE))
                .findFirst()
                .orElseThrow();

        assertThat(exchange.proposedBy()).isEqualTo(demo("marcus").id());
        assertThat(exchange.amount()).isEqualByComparingTo("129.00");
        assertThat(exchange.approverRole()).isNotNull();
        assertThat(exchange.decidedBy()).isEqualTo(grace.id());
        assertThat(exchange.state()).isEqualTo(ActionState.RUNNING);
    }

    @Test
    void theActivationKeyIsReissuedOnTheCustomersExistingAccount() {
        var grace = demo("grace");
        var reissue = actions.ofCase(demoCase(ActivationKeyStory.SUBJECT, grace), grace).stream()
                .filter(a -> a.kind().value().equals("licence_reissue"))
                .findFirst()
                .orElseThrow();

        assertThat(reissue.state()).isEqualTo(ActionState.DONE);
        assertThat(reissue.fields()).containsEntry("account", ActivationKeyStory.EMAIL);
        assertThat(reissue.proposedBy()).isEqualTo(demo("priya").id());
    }

    private CaseId demoCase(String subject, SignedInAgent viewer) {
        return lookup.list(new CaseFilter(null, null, null, null, null, subject), viewer, null, 100).items().stream()
                .filter(c -> c.subject().equals(subject))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private SignedInAgent demo(String key) {
        return agents.list().stream()
                .filter(a -> a.email().equals(key + "@demo.casekeeper.local"))
                .findFirst()
                .flatMap(a -> agents.signedIn(a.id()))
                .orElseThrow();
    }
}
