package dev.casekeeper.demo;

import dev.casekeeper.actions.ActionKind;
import dev.casekeeper.actions.ActionManagement;
import dev.casekeeper.actions.ActionType;
import dev.casekeeper.actions.ActionTypeManagement;
import dev.casekeeper.actions.ProposeAction;
import dev.casekeeper.actions.SaveActionType;
import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseFilter;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseSummary;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With the {@code demo} profile, gives the desk its resolution actions (refund, exchange, store credit,
 * activation key, fee, technician; none connected to a system, so each is done by hand) and plays the
 * seed stories' answers to "nothing can be done": the wrong order gets an exchange above Marcus's
 * limit, approved by Grace, his supervisor; Successful Moore's activation key is re-issued on the
 * account she already has. Runs once the stories are told (when the application is ready), once.
 */
@Component
@Profile("demo")
class ActionsDemo {

    static final String EXCHANGE = "Exchange";
    private static final long LOCK_KEY = 0x436b416374446d6fL;

    private final ActionTypeManagement types;
    private final ActionManagement actions;
    private final AgentManagement agents;
    private final CaseLookup cases;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    ActionsDemo(
            ActionTypeManagement types,
            ActionManagement actions,
            AgentManagement agents,
            CaseLookup cases,
            TransactionTemplate transactions,
            JdbcClient jdbc) {
        this.types = types;
        this.actions = actions;
        this.agents = agents;
        this.cases = cases;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)")
                    .param("key", LOCK_KEY)
                    .query()
                    .singleRow();
            var admin = firstAdmin();
            var grace = demo("grace");
            if (admin.isEmpty()
                    || grace.isEmpty()
                    || types.list(false).stream().anyMatch(t -> t.name().equals(EXCHANGE))) {
                return;
            }
            define(admin.get());
            wrongOrder(grace.get());
            activationKey(grace.get());
        });
    }

    private void define(SignedInAgent admin) {
        type(admin, "Refund", ActionKind.REFUND);
        type(admin, EXCHANGE, ActionKind.REPLACEMENT);
        type(admin, "Store credit", ActionKind.STORE_CREDIT);
        type(admin, "Re-issue activation key", ActionKind.LICENCE_REISSUE);
        type(admin, "Waive a fee", ActionKind.FEE_WAIVER);
        type(admin, "Technician visit", ActionKind.TECHNICIAN_VISIT);
    }

    private void type(SignedInAgent admin, String name, ActionKind kind) {
        var defaults = types.defaults(kind, Locale.ENGLISH);
        types.create(
                new SaveActionType(
                        name,
                        defaults.kind(),
                        defaults.hasAmount(),
                        defaults.currency(),
                        defaults.agentLimit(),
                        defaults.supervisorLimit(),
                        defaults.minRole(),
                        defaults.fields(),
                        defaults.nextSteps(),
                        null,
                        true),
                admin);
    }

    /** Marcus proposes the exchange of order 40-2215 (above his limit of 50); Grace approves it. */
    private void wrongOrder(SignedInAgent grace) {
        var marcus = demo("marcus").orElseThrow();
        var kase = demoCase(grace, OrderStories.WRONG_ORDER_SUBJECT);
        if (kase.isEmpty()) {
            return;
        }
        var proposed = actions.propose(
                kase.get().id(),
                new ProposeAction(
                        typeNamed(EXCHANGE).id(),
                        new BigDecimal("129.00"),
                        Map.of("order", "40-2215", "item", "the item you ordered (order 40-2215)"),
                        "Ship the ordered item by express today; the carrier brings the wrong parcel back."),
                marcus);
        actions.approve(proposed.id(), grace);
    }

    /** Priya re-issues Successful's key on the account she already has, and marks it done. */
    private void activationKey(SignedInAgent grace) {
        var priya = demo("priya").orElseThrow();
        var kase = demoCase(grace, ActivationKeyStory.SUBJECT);
        if (kase.isEmpty()) {
            return;
        }
        var running = actions.propose(
                kase.get().id(),
                new ProposeAction(
                        typeNamed("Re-issue activation key").id(),
                        null,
                        Map.of("account", ActivationKeyStory.EMAIL, "product", "the software"),
                        "Verified by her order number; she must not be asked for a new email account."),
                priya);
        actions.markDone(
                running.id(), "Key re-issued to " + ActivationKeyStory.EMAIL + ", her existing account.", priya);
    }

    private ActionType typeNamed(String name) {
        return types.list(true).stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private Optional<CaseSummary> demoCase(SignedInAgent viewer, String subject) {
        return cases.list(new CaseFilter(null, null, null, null, null, subject), viewer, null, 100).items().stream()
                .filter(c -> c.subject().equals(subject))
                .findFirst();
    }

    private Optional<SignedInAgent> demo(String key) {
        return agents.list().stream()
                .filter(a -> a.email().equals(key + "@demo.casekeeper.local"))
                .findFirst()
                .flatMap(a -> agents.signedIn(a.id()));
    }

    private Optional<SignedInAgent> firstAdmin() {
        return agents.list().stream()
                .filter(Agent::active)
                .filter(agent -> agent.role() == Role.ADMIN)
                .findFirst()
                .flatMap(agent -> agents.signedIn(agent.id()));
    }
}
