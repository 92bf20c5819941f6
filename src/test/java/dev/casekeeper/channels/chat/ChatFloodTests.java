package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The widget cannot be used to flood the desk: one client address may open only so many sockets a
 * minute and so many chats an hour, however many sockets it uses; it is told so politely, in its
 * language, and every refusal is counted. The tests reach Casekeeper through this machine as a
 * trusted proxy (application-test.properties), each naming a client address of its own.
 */
class ChatFloodTests extends ChatTestBase {

    @Autowired
    MeterRegistry metrics;

    private static String someAddress() {
        var random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    private double refused(String reason) {
        var counter =
                metrics.find("casekeeper.chat.refused").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void oneAddressOpeningSocketAfterSocketIsRefusedPolitelyPastItsAllowanceAndOtherAddressesAreNot() {
        var desk = desk();
        String flooder = someAddress();
        double before = refused("too-many-connections");
        var open = new ArrayList<ChatClient>();
        try {
            // The default allowance: 30 sockets a minute per address (refilled as the minute goes on).
            tools.jackson.databind.JsonNode refusal = null;
            while (refusal == null && open.size() < 60) {
                var client = ChatClient.customerFrom(port, ORIGIN, flooder);
                open.add(client);
                try {
                    hello(client, desk, null, 0);
                } catch (java.util.concurrent.CompletionException closedAlready) {
                    // refused before the hello went out: the refusal is waiting to be read
                }
                var first = client.nextOf("welcome", "refused");
                if (first.get("type").asString().equals("refused")) {
                    refusal = first;
                    assertThat(client.next("closed").get("code").asInt()).isEqualTo(1013);
                }
            }
            assertThat(open.size() - 1).as("sockets let in").isBetween(30, 35);
            assertThat(refusal.get("code").asString()).isEqualTo("too-many-connections");
            assertThat(refusal.get("text").asString()).contains("too many connections");
            assertThat(refusal.get("retryIn").asLong()).isPositive();
            assertThat(refused("too-many-connections")).isEqualTo(before + 1);
            // Behind the same proxy, someone else is served as ever; so is a spoofed header from a stranger.
            try (var neighbour = ChatClient.customerFrom(port, ORIGIN, someAddress())) {
                assertThat(hello(neighbour, desk, null, 0)
                                .next("welcome")
                                .get("token")
                                .asString())
                        .isNotBlank();
            }
        } finally {
            open.forEach(ChatClient::close);
        }
    }

    @Test
    void oneAddressStartsOnlySoManyChatsAnHourEvenWithANewVisitorOnEverySocket() {
        var desk = desk();
        String flooder = someAddress();
        double before = refused("too-many-chats");
        // The default allowance: 10 new chats an hour per address.
        for (int i = 0; i < 10; i++) {
            try (var client = ChatClient.customerFrom(port, ORIGIN, flooder)) {
                hello(client, desk, null, 0).next("welcome");
                client.send(Map.of("type", "message", "id", "c-1", "text", "Flood " + i));
                assertThat(client.nextOf("ack", "error").get("type").asString()).isEqualTo("ack");
            }
        }
        try (var client = ChatClient.customerFrom(port, ORIGIN, flooder)) {
            String token =
                    hello(client, desk, null, 0).next("welcome").get("token").asString();
            client.send(Map.of("type", "message", "id", "c-1", "text", "Flood 11"));
            var error = client.nextOf("ack", "error");
            assertThat(error.get("code").asString()).isEqualTo("too-many-chats");
            assertThat(error.get("id").asString()).isEqualTo("c-1");
            assertThat(error.get("retryIn").asLong()).isPositive();
            // Nothing was opened: no chat, no customer, no case.
            assertThat(jdbc.sql("select count(*) from chat.conversation where visitor_digest = :d")
                            .param("d", VisitorTokens.digest(token))
                            .query(Long.class)
                            .single())
                    .isZero();
        }
        assertThat(jdbc.sql("select count(*) from chat.conversation where mailbox = :m and case_id is not null")
                        .param("m", desk.mailbox())
                        .query(Long.class)
                        .single())
                .isEqualTo(10);
        assertThat(refused("too-many-chats")).isEqualTo(before + 1);
        // The widget's text for it comes in every welcome, in the visitor's language.
        try (var client = ChatClient.customerFrom(port, ORIGIN, someAddress())) {
            assertThat(hello(client, desk, null, 0)
                            .next("welcome")
                            .get("texts")
                            .get("error.too-many-chats")
                            .asString())
                    .contains("We keep your message");
        }
    }
}
