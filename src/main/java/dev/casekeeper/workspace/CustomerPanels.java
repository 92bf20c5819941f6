package dev.casekeeper.workspace;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.MergeManagement;
import dev.casekeeper.customers.SuggestionManagement;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Gathers the {@link CustomerPanel} of a case page from the customers' facades. */
@Component
class CustomerPanels {

    private static final int SHOWN = 10;

    private final CustomerManagement customers;
    private final SuggestionManagement suggestions;
    private final MergeManagement merges;
    private final AgentManagement agents;

    CustomerPanels(
            CustomerManagement customers,
            SuggestionManagement suggestions,
            MergeManagement merges,
            AgentManagement agents) {
        this.customers = customers;
        this.suggestions = suggestions;
        this.merges = merges;
        this.agents = agents;
    }

    CustomerPanel of(Customer requester) {
        var suggested =
                suggestions.ofCustomer(requester.id()).stream().limit(SHOWN).toList();
        var merged = merges.ofCustomer(requester.id()).stream()
                .limit(SHOWN)
                .map(merge -> new CustomerPanel.MergeRow(
                        merge,
                        customers.find(merge.other(requester.id())).displayName(),
                        merge.target().equals(requester.id())))
                .toList();
        var names = agents.list().stream().collect(Collectors.toMap(a -> a.id().value(), Agent::name));
        return new CustomerPanel(suggested, merged, names);
    }
}
