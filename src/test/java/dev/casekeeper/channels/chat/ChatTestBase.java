package dev.casekeeper.channels.chat;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.CreateAgent;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.channels.email.InboundMode;
import dev.casekeeper.channels.email.Mailbox;
import dev.casekeeper.channels.email.MailboxManagement;
import dev.casekeeper.channels.email.SaveMailbox;
import dev.casekeeper.routing.Contact;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.Presence;
import dev.casekeeper.routing.PresenceManagement;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.routing.SupervisorRequestManagement;
import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chat tests: a team with a mailbox for the widget, agents, and widget and agent sockets on the real server. */
abstract class ChatTestBase extends ApiTestBase {

    static final String ORIGIN = "http://localhost:8000";

    @Autowired
    MailboxManagement mailboxes;

    @Autowired
    AgentManagement agents;

    @Autowired
    PresenceManagement presence;

    @Autowired
    QueueManagement queues;

    @Autowired
    LiveContactManagement liveContacts;

    @Autowired
    SupervisorRequestManagement supervisorRequests;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseLookup lookup;

    @Autowired
    CaseIntake intake;

    @Autowired
    JdbcClient jdbc;

    /** A team and the address of a mailbox that routes to it. */
    record Desk(TeamId team, String mailbox) {}

    record TestAgent(AgentId id, String email, String name) {}

    Desk desk() {
        var team = agents.createTeam("Chat " + UUID.randomUUID()).id();
        String address = "chat-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        mailboxes.create(new SaveMailbox(
                address, "Support", team, InboundMode.SMTP, null, null, Mailbox.Acknowledgement.OFF, true));
        return new Desk(team, address);
    }

    TestAgent agent(TeamId team, Role role, boolean available) {
        String email = "chat-" + UUID.randomUUID() + "@casekeeper.test";
        String name = "Alex " + email.substring(5, 9);
        var agent = agents.create(new CreateAgent(email, name, PASSWORD, role));
        agents.setTeams(agent.id(), List.of(team));
        if (available) {
            presence.setPresence(agent.id(), Presence.AVAILABLE);
        }
        return new TestAgent(agent.id(), email, name);
    }

    ChatClient widget() {
        return ChatClient.customer(port, ORIGIN);
    }

    /** A widget that said hello for the mailbox: the welcome frame is read. */
    ChatClient hello(ChatClient client, Desk desk, String token, long after) {
        var frame = new java.util.LinkedHashMap<String, Object>(
                Map.of("type", "hello", "mailbox", desk.mailbox(), "after", after));
        if (token != null) {
            frame.put("token", token);
        }
        client.send(frame);
        return client;
    }

    Conversation chatOf(String token, Desk desk) {
        return jdbc.sql(
                        "select id from chat.conversation where visitor_digest = :d and mailbox = :m order by created_at desc limit 1")
                .param("d", VisitorTokens.digest(token))
                .param("m", desk.mailbox())
                .query(UUID.class)
                .optional()
                .flatMap(id -> new ConversationQueries(jdbc).find(id))
                .orElseThrow();
    }

    Contact contactOf(Conversation chat) {
        return queues.contact(new dev.casekeeper.routing.ContactId(chat.contactId()));
    }

    /** The next line of the chat from Casekeeper itself with this event (a notice such as on-hold), numbered like every message. */
    static tools.jackson.databind.JsonNode numberedNotice(ChatClient client, String event) {
        return client.next(
                "message",
                f -> "system".equals(f.path("from").asString(""))
                        && event.equals(f.path("event").asString("")));
    }

    long customerMessages(CaseId caseId) {
        return lookup.detail(caseId).timeline().stream()
                .filter(e -> e.kind().value().equals("message_in"))
                .count();
    }
}
