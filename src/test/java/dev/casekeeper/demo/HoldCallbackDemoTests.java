package dev.casekeeper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.callbacks.Callback;
import dev.casekeeper.callbacks.CallbackManagement;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Seed 001 in the demo: the customer left on hold until she hung up has a callback owned by Priya, which the case cannot be solved past. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class HoldCallbackDemoTests {

    @Autowired
    HoldCallbackDemo demo;

    @Autowired
    AgentManagement agents;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseLookup lookup;

    @Autowired
    CallbackManagement callbacks;

    @Test
    void theCustomerLeftOnHoldHasACallbackOwnedByPriyaInAHalfHourWindowAddedOnce() {
        demo.add();

        var priya = agents.list().stream()
                .filter(a -> a.email().equals("priya@demo.casekeeper.local"))
                .findFirst()
                .orElseThrow();
        var signedIn = agents.signedIn(priya.id()).orElseThrow();
        var customer = customers
                .findByIdentity(IdentityKind.EMAIL, ActivationKeyStory.EMAIL)
                .orElseThrow();
        var kase = lookup.ofRequester(customer.id(), 20).stream()
                .filter(c -> c.subject().equals(ActivationKeyStory.SUBJECT))
                .findFirst()
                .orElseThrow();

        var onCase = callbacks.ofCase(kase.id(), signedIn);
        assertThat(onCase).hasSize(1);
        var callback = onCase.getFirst();
        assertThat(callback.ownerId()).isEqualTo(priya.id());
        assertThat(callback.state()).isEqualTo(Callback.State.OPEN);
        assertThat(callback.source()).isEqualTo(Callback.Source.PHONE);
        assertThat(callback.window().length()).isEqualTo(Duration.ofMinutes(30));
        assertThat(callbacks.mine(signedIn, 50)).extracting(Callback::id).contains(callback.id());
    }
}
