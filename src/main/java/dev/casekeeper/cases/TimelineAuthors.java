package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.shared.Actor;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Puts a name to every author of a timeline, so a reader sees who wrote, not an id. */
@Component
class TimelineAuthors {

    static final String SYSTEM = "Casekeeper";

    private final AgentManagement agents;
    private final CustomerManagement customers;

    TimelineAuthors(AgentManagement agents, CustomerManagement customers) {
        this.agents = agents;
        this.customers = customers;
    }

    List<TimelineEntry> named(List<TimelineEntry> timeline) {
        var agentNames = agents.names(
                ids(timeline, Actor.Kind.AGENT).stream().map(AgentId::new).toList());
        var customerNames =
                customers
                        .findAll(ids(timeline, Actor.Kind.CUSTOMER).stream()
                                .map(CustomerId::new)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(c -> c.id().value(), Customer::displayName));
        return timeline.stream()
                .map(entry -> entry.withAuthorName(
                        switch (entry.author().kind()) {
                            case AGENT ->
                                agentNames.get(new AgentId(entry.author().id()));
                            case CUSTOMER -> customerNames.get(entry.author().id());
                            case SYSTEM -> SYSTEM;
                        }))
                .toList();
    }

    private static Set<UUID> ids(List<TimelineEntry> timeline, Actor.Kind kind) {
        return timeline.stream()
                .filter(entry -> entry.author().kind() == kind && entry.author().id() != null)
                .map(entry -> entry.author().id())
                .collect(Collectors.toSet());
    }
}
