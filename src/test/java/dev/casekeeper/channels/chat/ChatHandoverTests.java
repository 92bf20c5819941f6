package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.routing.ContactId;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.InviteColleague;
import dev.casekeeper.routing.TransferContact;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the customer sees while the agent side moves: a hold and its end, a colleague invited into the
 * chat who then carries it on (and may write in it), a cold transfer back to a queue, and a request
 * for a supervisor that lands in the supervisors' queue.
 */
class ChatHandoverTests extends ChatTestBase {

    /** A chat whose first message was accepted by the agent: the widget has seen who joined. */
    private record Accepted(ChatClient widget, Conversation chat, ContactId contact) {}

    private Accepted acceptedChat(Desk desk, TestAgent agent) {
        var widget = widget();
        hello(widget, desk, null, 0);
        String token = widget.next("welcome").get("token").asString();
        widget.send(Map.of("type", "message", "id", "c-1", "text", "My order 4471 arrived broken."));
        widget.next("ack");
        var chat = chatOf(token, desk);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> contactOf(chat).offerId() != null
                        && contactOf(chat).state() == ContactState.OFFERED
                        && agent.id().equals(contactOf(chat).agentId()));
        queues.accept(contactOf(chat).offerId(), agent.id());
        widget.next("message", f -> "joined".equals(f.path("event").asString("")));
        return new Accepted(widget, chat, new ContactId(chat.contactId()));
    }

    private SignedInAgent signedIn(TestAgent agent) {
        return agents.signedIn(agent.id()).orElseThrow();
    }

    @Test
    void aHoldAndItsEndAreToldToTheCustomer() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        var accepted = acceptedChat(desk, alex);
        try (var widget = accepted.widget()) {
            liveContacts.hold(accepted.contact(), signedIn(alex));
            assertThat(numberedNotice(widget, "on-hold").get("seq").asLong()).isPositive();
            liveContacts.resume(accepted.contact(), signedIn(alex));
            assertThat(numberedNotice(widget, "resumed").get("seq").asLong()).isPositive();
        }
    }

    @Test
    void aColleagueInvitedIntoTheChatIsShownMayWriteAndCarriesItOnWhenTheFirstAgentLeaves() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        var sam = agent(desk.team(), Role.AGENT, false);
        var accepted = acceptedChat(desk, alex);
        try (var widget = accepted.widget()) {
            var invitation = liveContacts.invite(
                    accepted.contact(),
                    new InviteColleague(sam.id(), "Refunds are Sam's", "Order 4471 arrived broken; photos sent"),
                    signedIn(alex));
            assertThat(numberedNotice(widget, "colleague-invited").get("seq").asLong())
                    .isPositive();
            liveContacts.acceptInvitation(invitation.id(), signedIn(sam));
            assertThat(widget.next(
                                    "message",
                                    f -> "joined".equals(f.path("event").asString("")))
                            .get("name")
                            .asString())
                    .isEqualTo(sam.name());

            try (var panel = ChatClient.agent(
                    port, accepted.chat().caseNumber(), ChatClient.signIn(port, sam.email(), PASSWORD))) {
                panel.send(Map.of("type", "hello", "after", 0));
                assertThat(panel.next("welcome").get("mayWrite").asBoolean()).isTrue();

                liveContacts.leave(accepted.contact(), signedIn(alex));
                assertThat(widget.next(
                                        "message",
                                        f -> "agent-left".equals(f.path("event").asString("")))
                                .get("name")
                                .asString())
                        .isEqualTo(alex.name());
                await().atMost(Duration.ofSeconds(10))
                        .until(() ->
                                sam.id().value().equals(chatOf(accepted.chat()).agentId()));

                panel.send(Map.of(
                        "type", "message", "id", "s-1", "text", "I have your photos; a replacement is on its way."));
                panel.next("ack");
                var reply = widget.next(
                        "message", f -> "agent".equals(f.path("from").asString("")));
                assertThat(reply.get("name").asString()).isEqualTo(sam.name());
            }
        }
    }

    @Test
    void theAgentEndsTheConversationFromTheCasePageTheCustomerIsToldAndAColleagueMayNotEndIt() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        var sam = agent(desk.team(), Role.AGENT, false);
        var accepted = acceptedChat(desk, alex);
        long number = accepted.chat().caseNumber();
        var caseId = new CaseId(accepted.chat().caseId());
        var statusBefore = lookup.detail(caseId).summary().status();
        try (var widget = accepted.widget()) {
            var stranger = WebSession.anonymous(port);
            stranger.get("/login");
            assertThat(stranger.post("/cases/" + number + "/contact/end", Map.of())
                            .location())
                    .endsWith("/login");

            var samsPage = WebSession.anonymous(port).signIn(sam.email(), PASSWORD);
            samsPage.get("/cases/" + number);
            assertThat(samsPage.getPart("/cases/" + number + "/contact").html().select("#end-contact-button"))
                    .isEmpty();
            var refused = samsPage.postPart("/cases/" + number + "/contact/end", Map.of());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.text()).contains("Only the agent holding the contact may end it");
            assertThat(contactOf(accepted.chat()).state()).isEqualTo(ContactState.ACCEPTED);

            var alexsPage = WebSession.anonymous(port).signIn(alex.email(), PASSWORD);
            alexsPage.get("/cases/" + number);
            assertThat(alexsPage.getPart("/cases/" + number + "/contact").html().select("#end-contact-button"))
                    .hasSize(1);
            var ended = alexsPage.postPart("/cases/" + number + "/contact/end", Map.of());
            assertThat(ended.status()).isEqualTo(200);
            assertThat(ended.html().select("#end-contact-button")).isEmpty();

            widget.next("message", f -> "ended".equals(f.path("event").asString("")));
            widget.next("ended");
            assertThat(contactOf(accepted.chat()).state()).isEqualTo(ContactState.ENDED);
            // The conversation is over, the case is not: it stays as it was, for whatever is still to do.
            assertThat(lookup.detail(caseId).summary().status())
                    .isEqualTo(statusBefore)
                    .isNotIn(CaseStatus.SOLVED, CaseStatus.CLOSED);
        }
    }

    @Test
    void aColdTransferTellsTheCustomerAndTheChatWaitsForTheOtherTeam() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        var returns =
                agents.createTeam("Returns " + java.util.UUID.randomUUID()).id();
        var accepted = acceptedChat(desk, alex);
        try (var widget = accepted.widget()) {
            liveContacts.transfer(
                    accepted.contact(),
                    new TransferContact(returns, "A return, not a repair", "Order 4471 broken on arrival"),
                    signedIn(alex));
            assertThat(numberedNotice(widget, "transferred").get("seq").asLong())
                    .isPositive();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> chatOf(accepted.chat()).agentId() == null);
            assertThat(contactOf(accepted.chat()).teamId()).isEqualTo(returns);
            assertThat(chatOf(accepted.chat()).teamId()).isEqualTo(returns.value());
        }
    }

    @Test
    void theSupervisorButtonPutsTheCaseInTheSupervisorsQueue() {
        var desk = desk();
        var lead = agent(desk.team(), Role.SUPERVISOR, false);
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "This is the third time I write."));
            widget.next("ack");
            widget.send(Map.of("type", "supervisor", "id", "s-1"));
            assertThat(widget.next("notice").get("key").asString()).isEqualTo("supervisor-requested");
            var caseId = new CaseId(chatOf(token, desk).caseId());
            assertThat(supervisorRequests.open(signedIn(lead)))
                    .anyMatch(r -> r.caseId().equals(caseId));
        }
    }

    private Conversation chatOf(Conversation chat) {
        return new ConversationQueries(jdbc).find(chat.id()).orElseThrow();
    }
}
