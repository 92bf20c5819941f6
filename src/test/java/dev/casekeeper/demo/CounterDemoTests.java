package dev.casekeeper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.counter.CounterManagement;
import dev.casekeeper.counter.LocationManagement;
import dev.casekeeper.counter.TicketState;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo's returns line: walk-ins waiting, one called to Dana's desk, Rhonda known by her email. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class CounterDemoTests {

    @Autowired
    CounterDemo demo;

    @Autowired
    LocationManagement locations;

    @Autowired
    CounterManagement counter;

    @Autowired
    CustomerManagement customers;

    @Test
    void theReturnsLineHasWalkInsWaitingAndOneCalledToDanasDesk() {
        var location = locations.bySlug(CounterDemo.SLUG);
        var line = counter.line(location.id());

        assertThat(line).hasSize(CounterDemo.WAITING.size() + 1);
        var called = line.stream().filter(t -> t.state() == TicketState.CALLED).toList();
        assertThat(called).singleElement().satisfies(t -> {
            assertThat(t.number()).isEqualTo("R-001");
            assertThat(t.desk()).isEqualTo("Desk 1");
        });
        var board = counter.board(location.id());
        assertThat(board.next()).startsWith("R-002", "R-003");
        assertThat(board.serving())
                .singleElement()
                .satisfies(s -> assertThat(s.desk()).isEqualTo("Desk 1"));
        var rhonda = customers
                .findByIdentity(IdentityKind.EMAIL, "rhonda.pryor@demo.example")
                .orElseThrow();
        assertThat(line).anySatisfy(t -> assertThat(t.customerId()).isEqualTo(rhonda.id()));
    }

    @Test
    void loadsNothingTheSecondTime() {
        var location = locations.bySlug(CounterDemo.SLUG);
        int before = counter.line(location.id()).size();

        demo.load();

        assertThat(counter.line(location.id())).hasSize(before);
        assertThat(locations.locations().stream().filter(l -> l.slug().equals(CounterDemo.SLUG)))
                .hasSize(1);
    }
}
