package dev.casekeeper.demo;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.channels.ChannelManagement;
import dev.casekeeper.customers.ChangeCustomer;
import dev.casekeeper.customers.CreateCustomer;
import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.followups.FollowupManagement;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.telephony.TelephonyManagement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The public facades, with the few shortcuts the demo stories need. Everything goes through the
 * facades, so demo data obeys the same rules as real work.
 */
@Component
@Profile("demo")
class DemoDesk {

    final AgentManagement agents;
    final CustomerManagement customers;
    final CaseManagement cases;
    private final CaseIntake intake;
    final FollowupManagement followups;
    final ChannelManagement channels;
    final TelephonyManagement telephony;
    final Clock clock;

    DemoDesk(
            AgentManagement agents,
            CustomerManagement customers,
            CaseManagement cases,
            CaseIntake intake,
            FollowupManagement followups,
            ChannelManagement channels,
            TelephonyManagement telephony,
            Clock clock) {
        this.agents = agents;
        this.customers = customers;
        this.cases = cases;
        this.intake = intake;
        this.followups = followups;
        this.channels = channels;
        this.telephony = telephony;
        this.clock = clock;
    }

    /** A customer with the fields they declared about themselves, recorded as set by the customer. */
    Customer customer(String name, String email, @Nullable String phone, Map<String, String> declared) {
        var existing = customers.findByIdentity(IdentityKind.EMAIL, email);
        if (existing.isPresent()) {
            return existing.get();
        }
        var created = customers.create(
                new CreateCustomer(name, List.of(email), phone == null ? List.of() : List.of(phone), Map.of()),
                Actor.SYSTEM);
        if (declared.isEmpty()) {
            return created;
        }
        return customers.change(
                created.id(),
                new ChangeCustomer(null, declared),
                Actor.customer(created.id().value()));
    }

    /** The customer's first message opens the case; a call or a visit is written down by the agent who took it. */
    CaseSummary open(
            Customer customer,
            String subject,
            String body,
            Channel channel,
            Priority priority,
            List<String> tags,
            @Nullable TeamId team,
            @Nullable SignedInAgent takenBy) {
        var recordedBy = takenBy == null ? Actor.customer(customer.id().value()) : takenBy.actor();
        var message = InboundMessage.newCase(subject, body, channel, recordedBy)
                .withPriority(priority)
                .withTags(tags)
                .withTeam(team);
        return intake.receive(message, Sender.customer(customer.id())).summary();
    }

    /** A further message from the case's customer. */
    CaseSummary customerWrites(CaseSummary kase, String body) {
        var message = InboundMessage.forCase(
                kase.id(),
                body,
                kase.channel(),
                Actor.customer(kase.requesterId().value()));
        return intake.receive(message, Sender.requester()).summary();
    }

    void reply(CaseSummary kase, SignedInAgent by, String body) {
        cases.reply(kase.id(), body, null, by);
    }

    void note(CaseSummary kase, SignedInAgent by, String body) {
        cases.note(kase.id(), body, by);
    }

    /**
     * The chat the story told is over: the case shows it as an ended chat (its messages, numbered),
     * never as a live one waiting for a customer who is not there.
     */
    void chatEnded(CaseSummary kase) {
        channels.recordEndedChat(kase.id(), "demo");
    }

    /** The agent takes the case as its owner. */
    void take(CaseSummary kase, SignedInAgent agent) {
        cases.assign(kase.id(), agent.id(), agent);
    }
}
