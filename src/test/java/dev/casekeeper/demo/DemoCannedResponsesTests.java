package dev.casekeeper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.macros.Macro;
import dev.casekeeper.macros.MacroManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo desk has canned responses to try the picker with, added once however often it starts.
 * (On a port, like the demo tests of pages, so one demo application serves them all.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DemoCannedResponsesTests {

    @Autowired
    DemoCannedResponses demo;

    @Autowired
    MacroManagement macros;

    @Test
    void theDemoDeskHasCannedResponsesAddedOnlyOnce() {
        demo.run(new DefaultApplicationArguments());

        for (var response : DemoCannedResponses.RESPONSES) {
            assertThat(macros.search(response.name(), 50).stream()
                            .map(Macro::name)
                            .filter(response.name()::equals))
                    .as(response.name())
                    .hasSize(1);
        }
        assertThat(macros.search("I own this case", 50).getFirst().placeholders())
                .contains("customer.preferredName", "case.number", "agent.firstName");
    }
}
