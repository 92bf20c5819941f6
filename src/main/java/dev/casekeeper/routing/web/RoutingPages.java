package dev.casekeeper.routing.web;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Team;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.Identity;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.routing.Contact;
import dev.casekeeper.routing.Invitation;
import dev.casekeeper.routing.RoutedChannel;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What routing's pages show about a case and the people on it, read through the facades: the
 * customer's name, the case's number and subject, and what the customer already said (the latest
 * handover's summary, else their first message), so nobody has to ask them again.
 */
@Component
class RoutingPages {

    static final int SAID_LENGTH = 400;
    static final int CALLER_CASES = 5;

    private final CaseLookup cases;
    private final CustomerManagement customers;
    private final AgentManagement agents;

    RoutingPages(CaseLookup cases, CustomerManagement customers, AgentManagement agents) {
        this.cases = cases;
        this.customers = customers;
        this.agents = agents;
    }

    /** A case as a card shows it. */
    record CaseContext(
            long number,
            String subject,
            String customerName,
            String channel,
            @Nullable String said,
            boolean handover) {}

    /** An offer as its card shows it: whose, about what, how long they waited, and until when it can be accepted. */
    record OfferCard(
            String offerId,
            CaseContext kase,
            Instant arrivedAt,
            @Nullable Instant expiresAt,
            @Nullable Caller caller) {}

    /**
     * The screen pop of a call: the caller's number (verified or not), their other cases still open and
     * their latest case, so the agent knows who is calling before answering.
     */
    record Caller(
            @Nullable String phone,
            boolean verified,
            List<CaseLine> openCases,
            @Nullable CaseLine latest) {}

    /** Another case of the caller, as the pop lists it. */
    record CaseLine(long number, String subject, String status) {}

    /** An invitation into a live contact as its card shows it. */
    record InvitationCard(
            String invitationId, CaseContext kase, String fromName, String reason, String summary, Instant at) {}

    CaseContext context(CaseId caseId) {
        return context(cases.detail(caseId));
    }

    CaseContext context(CaseDetail detail) {
        var kase = detail.summary();
        String name = customers.find(kase.requesterId()).displayName();
        String said = null;
        boolean handover = detail.handover() != null;
        if (handover) {
            said = detail.handover().summary();
        } else {
            said = detail.timeline().stream()
                    .filter(e -> e.kind() == EntryKind.MESSAGE_IN
                            && e.bodyText() != null
                            && !e.bodyText().isBlank())
                    .map(e -> e.bodyText().strip())
                    .findFirst()
                    .orElse(null);
        }
        if (said != null && said.length() > SAID_LENGTH) {
            said = said.substring(0, SAID_LENGTH - 1) + "…";
        }
        return new CaseContext(
                kase.number(), kase.subject(), name, kase.channel().value(), said, handover);
    }

    OfferCard offer(Contact contact) {
        return new OfferCard(
                String.valueOf(contact.offerId()),
                context(contact.caseId()),
                contact.arrivedAt(),
                contact.offerExpiresAt(),
                contact.channel() == RoutedChannel.PHONE ? caller(contact.caseId()) : null);
    }

    private Caller caller(CaseId caseId) {
        var kase = cases.summary(caseId);
        var customer = customers.find(kase.requesterId());
        var phone = customer.identities().stream()
                .filter(i -> i.kind() == IdentityKind.PHONE)
                .min(Comparator.comparing(Identity::verified).reversed())
                .orElse(null);
        var others = cases.ofRequester(kase.requesterId(), CALLER_CASES + 1).stream()
                .filter(c -> !c.id().equals(caseId))
                .toList();
        var open = others.stream()
                .filter(c -> c.status() != CaseStatus.SOLVED && c.status() != CaseStatus.CLOSED)
                .limit(CALLER_CASES)
                .map(RoutingPages::line)
                .toList();
        return new Caller(
                phone == null ? null : phone.value(),
                phone != null && phone.verified(),
                open,
                others.isEmpty() ? null : line(others.getFirst()));
    }

    private static CaseLine line(CaseSummary kase) {
        return new CaseLine(kase.number(), kase.subject(), kase.status().value());
    }

    InvitationCard invitation(Invitation invitation) {
        return new InvitationCard(
                invitation.id().toString(),
                context(invitation.caseId()),
                name(invitation.fromAgentId()),
                invitation.reason(),
                invitation.summary(),
                invitation.at());
    }

    String name(AgentId id) {
        return agents.names(java.util.List.of(id)).getOrDefault(id, id.toString());
    }

    Map<AgentId, String> names(Collection<AgentId> ids) {
        return agents.names(ids);
    }

    java.util.List<Team> teams() {
        return agents.teams();
    }

    /** The agents who may sign in now. */
    java.util.Set<AgentId> activeAgents() {
        return agents.list().stream()
                .filter(dev.casekeeper.agents.Agent::active)
                .map(dev.casekeeper.agents.Agent::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    long number(CaseId caseId) {
        return cases.byId(caseId).orElseThrow().number();
    }
}
