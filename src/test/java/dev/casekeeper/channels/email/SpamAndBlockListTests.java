package dev.casekeeper.channels.email;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Spam and unwanted mail: marking a case as spam, the block list, suspended mail, and deleting a case. */
class SpamAndBlockListTests extends EmailTestBase {

    @Test
    void markingSpamRemovesTheCaseAndTheSendersNextMailIsSuspendedUntilReleased() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var mailbox = smtpMailbox(team);
        String spammer = "offers-" + UUID.randomUUID().toString().substring(0, 8) + "@cheap-pills.example";
        String marker = marker();
        deliver(spammer, mailbox.address(), plain(spammer, mailbox.address(), "Cheap pills " + marker, "Buy now."));
        var kase = awaitCase(agent.api(), marker, 1);
        String id = kase.get("id").asString();

        var marked = agent.api().post("/api/v1/cases/" + id + "/spam", Map.of("blockSender", true));

        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(marked.json().get("status").asString()).isEqualTo("closed");
        assertThat(found(agent.api(), marker)).isZero();
        assertThat(agent.api()
                        .get("/api/v1/cases?teamId=" + team)
                        .json()
                        .get("items")
                        .size())
                .isZero();
        assertThat(admin().get("/api/v1/email/blocked-senders")
                        .json()
                        .valueStream()
                        .map(b -> b.get("value").asString()))
                .contains(spammer);
        assertProblem(agent.api().post("/api/v1/cases/" + id + "/spam", Map.of()), 409, "case-removed");

        String next = marker();
        deliver(spammer, mailbox.address(), plain(spammer, mailbox.address(), "More pills " + next, "Again."));
        var suspended = awaitSuspended(next);
        assertThat(suspended.get("from").asString()).isEqualTo(spammer);
        assertThat(suspended.get("blockedBy").asString()).isEqualTo(spammer);
        assertThat(found(admin(), next)).isZero();

        var released =
                admin().post("/api/v1/email/suspended/" + suspended.get("id").asString() + "/release", null);

        assertThat(released.status()).as(released.toString()).isEqualTo(204);
        assertThat(awaitCase(next).get("subject").asString()).isEqualTo("More pills " + next);
        assertProblem(
                admin().post("/api/v1/email/suspended/" + suspended.get("id").asString() + "/release", null),
                404,
                "not-found");
    }

    @Test
    void aBlockedDomainSuspendsMailFromEveryAddressInIt() {
        var mailbox = smtpMailbox(null);
        String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        var blocked = admin().post("/api/v1/email/blocked-senders", Map.of("value", "@" + domain.toUpperCase()));
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(201);
        assertThat(blocked.json().get("kind").asString()).isEqualTo("domain");
        assertThat(blocked.json().get("value").asString()).isEqualTo(domain);

        String marker = marker();
        String sender = "anyone@" + domain;
        deliver(sender, mailbox.address(), plain(sender, mailbox.address(), "Hello " + marker, "Hi."));

        assertThat(awaitSuspended(marker).get("blockedBy").asString()).isEqualTo(domain);
        assertThat(found(admin(), marker)).isZero();
    }

    @Test
    void theBlockListRefusesWhatIsNeitherAnAddressNorADomainAndTakesAValueOnce() {
        String address = "x-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var first = admin().post("/api/v1/email/blocked-senders", Map.of("value", address));
        var again = admin().post("/api/v1/email/blocked-senders", Map.of("value", " " + address.toUpperCase()));

        assertThat(again.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertProblem(
                admin().post("/api/v1/email/blocked-senders", Map.of("value", "not a sender")), 400, "invalid-input");
        assertProblem(admin().post("/api/v1/email/blocked-senders", Map.of()), 400, "invalid-input");
        var removed = admin().delete("/api/v1/email/blocked-senders/"
                + first.json().get("id").asString());
        assertThat(removed.status()).isEqualTo(204);
        assertProblem(
                admin().delete("/api/v1/email/blocked-senders/"
                        + first.json().get("id").asString()),
                404,
                "not-found");
    }

    @Test
    void anAdminDeletesACaseItsBodiesAndMailAreGoneAndItsNumberStaysAsATombstone() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        deliver(
                "laura@example.net",
                mailbox.address(),
                plain("laura@example.net", mailbox.address(), "My bank details " + marker, "IBAN DE0012345678."));
        var kase = awaitCase(marker);
        String id = kase.get("id").asString();
        var agent = newAgent("agent");

        assertProblem(
                agent.api().post("/api/v1/cases/" + id + "/deletion", Map.of("reason", "Sent by mistake")),
                403,
                "forbidden");
        assertProblem(admin().post("/api/v1/cases/" + id + "/deletion", Map.of()), 400, "invalid-input");
        var deleted = admin().post("/api/v1/cases/" + id + "/deletion", Map.of("reason", "Customer sent bank details"));

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        var tombstone = admin().get("/api/v1/cases/" + id).json();
        assertThat(tombstone.get("number").asLong())
                .isEqualTo(kase.get("number").asLong());
        assertThat(tombstone.get("subject").asString()).isEqualTo("(deleted case)");
        assertThat(tombstone.get("status").asString()).isEqualTo("closed");
        assertThat(tombstone.toString()).doesNotContain("IBAN").doesNotContain(marker);
        assertThat(tombstone
                        .get("timeline")
                        .valueStream()
                        .map(e -> e.get("eventType").asString("")))
                .contains("case_deleted");
        assertThat(jdbc.sql("select count(*) from email.inbound_message where case_id = :id and size > 0")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(found(admin(), marker)).isZero();
        assertThat(admin().get("/api/v1/cases/" + id + "/history")
                        .json()
                        .valueStream()
                        .map(c -> c.get("field").asString()))
                .contains("deleted");
        assertProblem(
                admin().post("/api/v1/cases/" + id + "/deletion", Map.of("reason", "again")), 409, "case-deleted");
    }

    private JsonNode awaitSuspended(String marker) {
        var found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    var list = admin().get("/api/v1/email/suspended");
                    assertThat(list.status()).as(list.toString()).isEqualTo(200);
                    found[0] = list.json()
                            .valueStream()
                            .filter(m -> m.get("subject").asString("").contains(marker))
                            .findFirst()
                            .orElse(null);
                    assertThat(found[0]).as("suspended mail with " + marker).isNotNull();
                });
        return found[0];
    }

    private static int found(dev.casekeeper.support.Api as, String q) {
        var list = as.get("/api/v1/cases?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&limit=10");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("items").size();
    }
}
