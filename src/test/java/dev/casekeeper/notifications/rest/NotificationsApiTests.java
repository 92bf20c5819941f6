package dev.casekeeper.notifications.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each agent's inbox: only their own notifications, unread first, marked read one by one. */
@MovesTime
class NotificationsApiTests extends ApiTestBase {

    @Test
    void anAgentSeesOwnNotificationsUnreadFirstAndMarksThemRead() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var other = newAgent("agent", newTeam());
        SlaFixture.teamPolicy(admin(), SlaFixture.alwaysOpenCalendar(admin()), team, false, null);
        var caseId = SlaFixture.openCase(agent.api(), team, "Where is my parcel?");
        agent.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("ownerId", agent.id()));
        var promise = agent.api()
                .post(
                        "/api/v1/cases/" + caseId + "/promises",
                        Map.of(
                                "text",
                                "Call the courier",
                                "dueAt",
                                TestClock.INSTANCE
                                        .instant()
                                        .plus(Duration.ofMinutes(90))
                                        .toString()));
        Instant due = Instant.parse(promise.json().get("dueAt").asString());

        TestClock.INSTANCE.advanceTo(due.plusSeconds(1));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(agent.api()
                                .get("/api/v1/notifications?limit=100")
                                .json()
                                .get("unread")
                                .asLong())
                        .isGreaterThanOrEqualTo(3));
        var inbox = agent.api().get("/api/v1/notifications?limit=2").json();
        assertThat(inbox.get("items")).hasSize(2);
        assertThat(inbox.get("nextCursor").isNull()).isFalse();
        var first = inbox.get("items").get(0);
        assertThat(first.get("readAt").isNull()).isTrue();

        assertProblem(
                other.api().post("/api/v1/notifications/" + first.get("id").asString() + "/read", null),
                404,
                "not-found");
        var read = agent.api().post("/api/v1/notifications/" + first.get("id").asString() + "/read", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("readAt").isNull()).isFalse();

        var after = agent.api().get("/api/v1/notifications?limit=100").json();
        assertThat(after.get("unread").asLong()).isEqualTo(inbox.get("unread").asLong() - 1);
        var items = after.get("items").valueStream().toList();
        assertThat(items.getLast().get("id").asString())
                .isEqualTo(first.get("id").asString());
        assertThat(other.api()
                        .get("/api/v1/notifications")
                        .json()
                        .get("items")
                        .valueStream()
                        .noneMatch(n -> caseId.toString().equals(n.get("caseId").asString())))
                .isTrue();

        var secondPage = agent.api()
                .get("/api/v1/notifications?limit=2&cursor="
                        + inbox.get("nextCursor").asString());
        assertThat(secondPage.status()).isEqualTo(200);
        assertProblem(agent.api().get("/api/v1/notifications?cursor=nonsense"), 400, "invalid-input");
        assertProblem(agent.api().post("/api/v1/notifications/" + UUID.randomUUID() + "/read", null), 404, "not-found");
    }
}
