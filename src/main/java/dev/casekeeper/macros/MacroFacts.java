package dev.casekeeper.macros;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.customers.SelfField;
import org.jspecify.annotations.Nullable;

/** What placeholders are filled from: the case, its customer and the agent writing. */
record MacroFacts(
        String customerName,
        @Nullable String customerPreferredName,
        String customerEmail,
        long caseNumber,
        String caseSubject,
        String agentName) {

    static MacroFacts of(CaseSummary kase, Customer customer, SignedInAgent agent) {
        return of(kase, customer, agent.name());
    }

    /** {@code agentName}: who the text is signed by (an automation's email has no agent writing). */
    static MacroFacts of(CaseSummary kase, Customer customer, String agentName) {
        var preferred = customer.fields().get(SelfField.PREFERRED_NAME.key());
        String email = customer.identities().stream()
                .filter(identity -> identity.kind() == IdentityKind.EMAIL)
                .map(identity -> identity.value())
                .findFirst()
                .orElse("");
        return new MacroFacts(
                customer.displayName(),
                preferred == null ? null : preferred.value(),
                email,
                kase.number(),
                kase.subject(),
                agentName);
    }

    /** Made-up facts about a made-up case, for previewing a text while it is written. */
    static MacroFacts sample(SignedInAgent agent) {
        return new MacroFacts(
                "Maria Lopez",
                "Maria",
                "maria.lopez@example.com",
                1042,
                "My activation key is gone since I reinstalled",
                agent.name());
    }
}
