package dev.casekeeper.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.knowledge.KnowledgeSettings;
import dev.casekeeper.ratelimits.RateLimits;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The help center's allowance of "was this helpful?" answers and deflection reports per client
 * address, counted in buckets every node shares: a client who used it up on another node of the same
 * database is refused here with 429 and Retry-After, and nothing is counted; other clients go on. The
 * application here allows two an hour (and two kiosk tickets, as {@code KioskLimitsTests}, so both run
 * in one application).
 */
@TestPropertySource(
        properties = {"casekeeper.counter.tickets-per-client=2", "casekeeper.knowledge.feedback-per-client=2"})
class HelpLimitsTests extends ApiTestBase {

    @Autowired
    private DataSource dataSource;

    private JsonNode published() {
        var title = "Late delivery " + UUID.randomUUID();
        var created = newAgent("agent")
                .api()
                .post(
                        "/api/v1/knowledge/articles",
                        Map.of(
                                "title",
                                title,
                                "summary",
                                "Summary of " + title,
                                "body",
                                "Text of " + title + ".",
                                "visibility",
                                "public",
                                "category",
                                "Orders",
                                "section",
                                ""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var published = newAgent("supervisor")
                .api()
                .post(
                        "/api/v1/knowledge/articles/" + created.json().get("id").asString() + "/state",
                        Map.of("state", "published"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published.json();
    }

    @Test
    void aClientWhoUsedUpTheAllowanceOnAnotherNodeIsRefusedHereWith429AndRetryAfter() {
        var article = published();
        long number = article.get("number").asLong();
        var client = WebSession.aLocalAddress();
        var otherNode = new HelpLimits(
                new RateLimits(dataSource),
                new KnowledgeSettings(
                        "Help center",
                        "",
                        "en",
                        List.of("en"),
                        20,
                        org.springframework.util.unit.DataSize.ofMegabytes(10),
                        2));
        assertThat(otherNode.from(client).allowed()).isTrue();
        assertThat(otherNode.from(client).allowed()).isTrue();
        var web = WebSession.from(port, client);
        web.get("/help");

        var answer = web.post("/help/articles/" + number + "/feedback", Map.of("helpful", "yes"));
        var deflection = web.postRaw("/help/deflections", Map.of("articles", String.valueOf(number)), Map.of());

        assertThat(answer.status()).isEqualTo(429);
        assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(deflection.status()).isEqualTo(429);
        assertThat(Long.parseLong(deflection.header("Retry-After"))).isBetween(1L, 3600L);
        var stats = newAgent("agent")
                .api()
                .get("/api/v1/knowledge/articles/" + article.get("id").asString() + "/stats")
                .json();
        assertThat(stats.get("helpful").asLong()).isZero();
        assertThat(stats.get("deflections").asLong()).isZero();
        assertThat(WebSession.from(port, WebSession.aLocalAddress())
                        .postRaw("/help/deflections", Map.of("articles", String.valueOf(number)), Map.of())
                        .status())
                .isEqualTo(204);
    }
}
