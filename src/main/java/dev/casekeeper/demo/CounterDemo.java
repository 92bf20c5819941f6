package dev.casekeeper.demo;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Team;
import dev.casekeeper.counter.AddLocation;
import dev.casekeeper.counter.AddReason;
import dev.casekeeper.counter.CounterManagement;
import dev.casekeeper.counter.DeskManagement;
import dev.casekeeper.counter.Location;
import dev.casekeeper.counter.LocationManagement;
import dev.casekeeper.counter.TakeTicket;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's walk-in counter: the returns line at the department store, where Janelle "waited in
 * line behind five people" with her shower curtain. Five walk-ins wait now, one of them Rhonda,
 * back about the return refused at the service desk (her email finds her earlier case for the
 * agent); Dana serves at desk 1 and has called the first. Loaded after the rest of the demo (the
 * teams and agents must be there), once: a second start finds the location and adds nothing.
 */
@Component
@Profile("demo")
class CounterDemo {

    static final String SLUG = "returns-line";
    static final String NAME = "Returns line, department store";
    static final List<String> WAITING = List.of("Marcus", "Aisha", "Rhonda", "Tom", "Priya");
    private static final Logger log = LoggerFactory.getLogger(CounterDemo.class);
    private static final long LOCK_KEY = 0x436b436f756e7472L;

    private final LocationManagement locations;
    private final CounterManagement counter;
    private final DeskManagement desks;
    private final AgentManagement agents;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    CounterDemo(
            LocationManagement locations,
            CounterManagement counter,
            DeskManagement desks,
            AgentManagement agents,
            TransactionTemplate transactions,
            JdbcClient jdbc) {
        this.locations = locations;
        this.counter = counter;
        this.desks = desks;
        this.agents = agents;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        var loaded = transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)")
                    .param("key", LOCK_KEY)
                    .query()
                    .singleRow();
            if (locations.locations().stream().anyMatch(l -> l.slug().equals(SLUG))) {
                return null;
            }
            var returns = team(DemoStaff.RETURNS);
            var orders = team(DemoStaff.ORDERS);
            if (returns == null || orders == null) {
                return null;
            }
            var location = locations.add(new AddLocation(NAME, SLUG, "America/Chicago"));
            var exchange = locations.addReason(
                    location.id(), new AddReason("Returns and exchanges", "R", returns.id(), List.of()));
            var pickup = locations.addReason(location.id(), new AddReason("Order pickup", "P", orders.id(), List.of()));
            for (var name : WAITING) {
                var email = name.equals("Rhonda") ? "rhonda.pryor@demo.example" : null;
                counter.take(location.id(), new TakeTicket(name, exchange.id(), email, null));
            }
            counter.take(location.id(), new TakeTicket("Luis", pickup.id(), null, "+1 555 0147"));
            return location;
        });
        if (loaded instanceof Location location) {
            // Once the tickets are committed, as at a real desk: the call makes Dana the case's owner.
            serve(location);
            log.warn("Demo counter: kiosk at /counter/kiosk/{} and board at /counter/board/{}", SLUG, SLUG);
        }
    }

    private void serve(Location location) {
        var dana = agents.authenticate(
                        DemoStaff.PEOPLE.stream()
                                .filter(p -> p.key().equals("dana"))
                                .findFirst()
                                .orElseThrow()
                                .email(),
                        DemoStaff.PASSWORD)
                .orElseThrow();
        desks.sit(location.id(), "Desk 1", dana);
        desks.callNext(dana);
    }

    private @Nullable Team team(String name) {
        return agents.teams().stream()
                .filter(t -> t.name().equalsIgnoreCase(name))
                .findFirst()
                .orElse(null);
    }
}
