package dev.casekeeper.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.CasekeeperApplication;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Live updates across nodes: a second node on the same database serves the same session, and its
 * event stream hears of changes made through the first, carried by PostgreSQL LISTEN/NOTIFY. Only
 * cases the agent may see are announced; when a node's bus lost its connection, its pages are told
 * to reload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveUpdatesTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private ConfigurableApplicationContext secondNode;
    private int secondPort;

    @BeforeAll
    void startASecondNode() {
        secondNode = new SpringApplicationBuilder(CasekeeperApplication.class)
                .profiles("test")
                .properties("server.port=0")
                .run();
        secondPort = ((WebServerApplicationContext) secondNode).getWebServer().getPort();
    }

    @AfterAll
    void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aSessionFromOneNodeIsValidOnTheOther() {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        var page = browser.onPort(secondPort).get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select(".me-name").text()).startsWith("Agent");
    }

    @Test
    void aCaseOpenedThroughOneNodeIsAnnouncedOnTheOthersStreamToWhoMaySeeIt() throws InterruptedException {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        var stream = browser.onPort(secondPort).events("/live/events");
        assertThat(next(stream)).isEqualTo("hello {}");

        long hidden = open(newTeam(), "Another team's refund");
        long visible = open(team, "Router keeps rebooting");

        var heard = until(stream, "case {\"number\":" + visible + "}");
        assertThat(heard).doesNotContain("case {\"number\":" + hidden + "}");
    }

    @Test
    void aCustomerMessageIsAnnouncedToThePageShowingTheCase() throws InterruptedException {
        var team = newTeam();
        var agent = newAgent("agent", team);
        long number = open(team, "Blue screen after login");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        var stream = browser.onPort(secondPort).events("/live/events?case=" + number);
        assertThat(next(stream)).isEqualTo("hello {}");

        admin().post("/api/v1/cases/" + caseId(number) + "/messages", Map.of("body", "It says CRITICAL_PROCESS_DIED."));

        until(stream, "case {\"number\":" + number + "}");
    }

    @Test
    void someoneOpeningTheSameCaseIsAnnouncedToThoseOnIt() throws InterruptedException {
        var team = newTeam();
        var first = newAgent("agent", team);
        var second = newAgent("agent", team);
        long number = open(team, "Invoice paid twice");
        var firstBrowser = WebSession.anonymous(port).signIn(first.email(), PASSWORD);
        var stream = firstBrowser.onPort(secondPort).events("/live/events?case=" + number);
        assertThat(next(stream)).isEqualTo("hello {}");

        var secondBrowser = WebSession.anonymous(port).signIn(second.email(), PASSWORD);
        secondBrowser.get("/cases/" + number);
        secondBrowser.postPart("/cases/" + number + "/presence", Map.of("drafting", "false"));

        until(stream, "presence {\"number\":" + number + "}");
    }

    @Test
    void aDeactivatedAgentsStreamIsEnded() throws InterruptedException {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        var stream = browser.onPort(secondPort).events("/live/events");
        assertThat(next(stream)).isEqualTo("hello {}");

        admin().patch("/api/v1/agents/" + agent.id(), Map.of("active", false));

        until(stream, "signed-out {}");
    }

    @Test
    void aStreamIsToldToReloadWhenItsNodesBusLostItsConnection() throws InterruptedException {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        var stream = browser.onPort(secondPort).events("/live/events");
        assertThat(next(stream)).isEqualTo("hello {}");

        jdbc.sql(
                        "select pg_terminate_backend(pid) from pg_stat_activity where application_name like 'casekeeper bus %'")
                .query()
                .listOfRows();

        until(stream, "missed {}");
    }

    @Test
    void theStreamOfACaseTheAgentMayNotSeeIsNotFound() throws InterruptedException {
        var agent = newAgent("agent", newTeam());
        long number = open(newTeam(), "Not yours");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        assertThat(next(browser.events("/live/events?case=" + number))).isEqualTo("status 404");
    }

    private long open(UUID team, String subject) {
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                subject,
                                "requester",
                                Map.of("email", "live-" + UUID.randomUUID() + "@example.com", "name", "Sam Okoro"),
                                "message",
                                Map.of("body", "Please help: " + subject),
                                "teamId",
                                team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("number").asLong();
    }

    private String caseId(long number) {
        return admin().get("/api/v1/cases?q=" + number)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
    }

    private static String next(BlockingQueue<String> stream) throws InterruptedException {
        String event = stream.poll(20, TimeUnit.SECONDS);
        assertThat(event).as("an event within 20 s").isNotNull();
        return event;
    }

    /** Every event up to and including the expected one, which must come within the wait. */
    private static List<String> until(BlockingQueue<String> stream, String expected) throws InterruptedException {
        var heard = new ArrayList<String>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String event = stream.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event != null) {
                heard.add(event);
                if (event.equals(expected)) {
                    return heard;
                }
            }
        }
        throw new AssertionError("Heard " + heard + " but not " + expected);
    }
}
