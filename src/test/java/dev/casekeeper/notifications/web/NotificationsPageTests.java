package dev.casekeeper.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bell and the notification list against the real database: the unread count, reading one or
 * all, the link to the case, the live signal, and that an agent never sees another agent's.
 */
class NotificationsPageTests extends ApiTestBase {

    // The live signal comes within a moment; this bound only ends a failing test.
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    NotificationManagement notifications;

    private UUID team;
    private Caller agent;
    private Caller other;
    private UUID caseId;
    private long number;
    private WebSession browser;

    @BeforeEach
    void twoAgentsOfATeamWithACase() {
        team = newTeam();
        agent = newAgent("agent", team);
        other = newAgent("agent", team);
        caseId = openCase(admin(), team, "Where are my socks?");
        number = admin().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
    }

    @Test
    void theBellShowsHowManyAreUnread() {
        tell(agent, "sla_warning", "Case #" + number + ": first response is due in 15 min");
        tell(agent, "promise_reminder", "Case #" + number + ": your promise is due soon");

        var bell = browser.getPart("/notifications/bell").html().selectFirst("#bell");

        assertThat(bell.attr("data-unread")).isEqualTo("2");
        assertThat(bell.attr("aria-label")).isEqualTo("Notifications: 2 unread");
        assertThat(bell.attr("hx-trigger")).contains("notifications-changed");
        assertThat(browser.get("/").html().select("#bell").attr("hx-get")).isEqualTo("/notifications/bell");
    }

    @Test
    void theListShowsTheAgentsNotificationsWithTheKindTextAndALinkToTheCase() {
        tell(agent, "sla_breach", "Case #" + number + ": resolution was due <b>yesterday</b>");

        var page = browser.get("/notifications");

        assertThat(page.status()).isEqualTo(200);
        var item = page.html().selectFirst(".notification");
        assertThat(item.hasClass("notification-unread")).isTrue();
        assertThat(item.select(".badge-kind").text()).isEqualTo("SLA breached");
        assertThat(item.select(".notification-text").text())
                .isEqualTo("Case #" + number + ": resolution was due <b>yesterday</b>");
        assertThat(item.select(".notification-text b"))
                .as("customer and case text is escaped")
                .isEmpty();
        assertThat(item.select("a.notification-case").attr("href")).isEqualTo("/cases/" + number);
    }

    @Test
    void markingOneReadAndThenAllReadEmptiesTheCount() {
        var first = tell(agent, "sla_warning", "First");
        tell(agent, "sla_warning", "Second");
        browser.get("/notifications");

        var read = browser.postPart("/notifications/" + first + "/read", Map.of());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("HX-Trigger")).isEqualTo("notifications-changed");
        assertThat(read.html().select("#notification-" + first).hasClass("notification-read"))
                .isTrue();
        assertThat(read.html().select("#unread-count").text()).isEqualTo("One unread");

        var all = browser.postPart("/notifications/read-all", Map.of());

        assertThat(all.html().select(".notification-unread")).isEmpty();
        assertThat(all.html().select("#unread-count").text()).isEqualTo("Nothing unread");
        assertThat(agent.api().get("/api/v1/notifications").json().get("unread").asLong())
                .isZero();
    }

    @Test
    void anAgentNeverSeesNorReadsAnotherAgentsNotifications() {
        var theirs = tell(other, "promise_overdue", "Other agent's overdue promise");
        tell(agent, "sla_warning", "Mine");
        browser.get("/notifications");

        assertThat(browser.get("/notifications").text())
                .contains("Mine")
                .doesNotContain("Other agent's overdue promise");
        assertThat(browser.getPart("/notifications/bell").html().select("#bell").attr("data-unread"))
                .isEqualTo("1");
        var refused = browser.postPart("/notifications/" + theirs + "/read", Map.of());
        assertThat(refused.status()).isEqualTo(404);
        assertThat(other.api().get("/api/v1/notifications").json().get("unread").asLong())
                .isEqualTo(1);
        browser.postPart("/notifications/read-all", Map.of());
        assertThat(other.api().get("/api/v1/notifications").json().get("unread").asLong())
                .as("mark all is mine only")
                .isEqualTo(1);
    }

    @Test
    void theLiveStreamTellsOnlyTheRecipientThatSomethingCame() {
        var mine = browser.events("/live/events");
        var theirs = WebSession.anonymous(port).signIn(other.email(), PASSWORD).events("/live/events");
        await().atMost(WAIT).until(() -> mine.contains("hello {}") && theirs.contains("hello {}"));

        tell(agent, "sla_warning", "For me only");
        await().atMost(WAIT).until(() -> mine.contains("notification {}"));
        tell(other, "sla_warning", "For them only");
        await().atMost(WAIT).until(() -> theirs.contains("notification {}"));

        assertThat(notificationEvents(theirs)).as("theirs heard only their own").isEqualTo(1);
        assertThat(notificationEvents(mine)).isEqualTo(1);
    }

    @Test
    void someoneSignedOutIsSentToTheSignInForm() {
        var page = WebSession.anonymous(port).get("/notifications");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    private UUID tell(Caller to, String kind, String text) {
        assertThat(notifications.notify(
                        Notify.of(Set.of(new AgentId(to.id())), kind, caseId, text, "test:" + UUID.randomUUID())))
                .isEqualTo(1);
        var inbox = to.api().get("/api/v1/notifications?limit=100").json().get("items");
        return UUID.fromString(inbox.valueStream()
                .filter(n -> n.get("text").asString().equals(text))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString());
    }

    private static long notificationEvents(BlockingQueue<String> events) {
        List<String> seen = new ArrayList<>(events);
        return seen.stream().filter(e -> e.startsWith("notification")).count();
    }
}
