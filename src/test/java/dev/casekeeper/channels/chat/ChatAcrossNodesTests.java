package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.CasekeeperApplication;
import dev.casekeeper.agents.Role;
import dev.casekeeper.routing.ContactState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A customer connected to one node and the agent to another still talk: frames cross by LISTEN/NOTIFY. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatAcrossNodesTests extends ChatTestBase {

    private ConfigurableApplicationContext secondNode;
    private int secondPort;

    @BeforeAll
    void startASecondNode() {
        secondNode = new SpringApplicationBuilder(CasekeeperApplication.class)
                .profiles("test")
                .properties("server.port=0")
                .run();
        secondPort = Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aCustomerOnOneNodeAndTheAgentOnAnotherSeeEachOthersMessagesAndTyping() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        try (var widget = ChatClient.customer(secondPort, ORIGIN)) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Hello from node two"));
            widget.next("ack");
            var chat = chatOf(token, desk);
            await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(chat).state() == ContactState.OFFERED);
            queues.accept(contactOf(chat).offerId(), alex.id());
            assertThat(widget.next(
                                    "message",
                                    f -> "joined".equals(f.path("event").asString("")))
                            .get("name")
                            .asString())
                    .isEqualTo(alex.name());

            try (var panel =
                    ChatClient.agent(port, chat.caseNumber(), ChatClient.signIn(port, alex.email(), PASSWORD))) {
                panel.send(Map.of("type", "hello", "after", 2));
                panel.next("welcome");
                widget.send(Map.of("type", "typing", "on", true));
                assertThat(panel.next("typing").get("on").asBoolean()).isTrue();
                widget.send(Map.of("type", "message", "id", "c-2", "text", "Still there?"));
                assertThat(panel.next("message").get("text").asString()).isEqualTo("Still there?");

                panel.send(Map.of("type", "message", "id", "a-1", "text", "Yes, from node one."));
                panel.next("ack");
                assertThat(widget.next(
                                        "message",
                                        f -> "agent".equals(f.get("from").asString()))
                                .get("text")
                                .asString())
                        .isEqualTo("Yes, from node one.");
                panel.send(Map.of("type", "typing", "on", true));
                assertThat(widget.next("typing").get("on").asBoolean()).isTrue();
            }
        }
    }
}
