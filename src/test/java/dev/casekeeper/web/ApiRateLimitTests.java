package dev.casekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The API's rate limits, in an application with small ones: a token over its limit gets 429 with
 * Retry-After and succeeds once that time passed, while another token goes on; a client address
 * over its limit is refused whatever it sends, and other addresses are not. The addresses are
 * given by X-Forwarded-For, which the server takes from the local proxy the tests play.
 */
@TestPropertySource(
        properties = {
            "casekeeper.api.rate-limits.per-token=5",
            "casekeeper.api.rate-limits.per-address=8",
            "casekeeper.api.rate-limits.period=2s"
        })
class ApiRateLimitTests extends ApiTestBase {

    private static final int TRIES = 40;

    /** Sends until refused (or {@value #TRIES} times); answers every response in order. */
    private static List<Api.Response> untilRefused(Api api) {
        var answers = new ArrayList<Api.Response>();
        for (int i = 0; i < TRIES; i++) {
            var answer = api.get("/api/v1/agents/me");
            answers.add(answer);
            if (answer.status() == 429) {
                break;
            }
        }
        return answers;
    }

    @Test
    void aTokenOverItsLimitIsToldWhenToComeBackAndSucceedsThenWhileAnotherTokenGoesOn() {
        var busy = newAgent("agent").api().with("X-Forwarded-For", "198.51.100.10");
        var other = newAgent("agent").api().with("X-Forwarded-For", "198.51.100.11");

        var answers = untilRefused(busy);

        assertThat(answers.subList(0, 5)).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(answers.getFirst().header("RateLimit-Limit")).isEqualTo("5");
        assertThat(Long.parseLong(answers.getFirst().header("RateLimit-Remaining")))
                .isBetween(0L, 4L);
        var refused = answers.getLast();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("rate-limited");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");

        assertThat(other.get("/api/v1/agents/me").status()).isEqualTo(200);

        await().pollDelay(Duration.ofSeconds(retryAfter))
                .atMost(Duration.ofSeconds(retryAfter + 5))
                .until(() -> true);
        assertThat(busy.get("/api/v1/agents/me").status()).isEqualTo(200);
    }

    @Test
    void anAddressOverItsLimitIsRefusedWhateverItSendsAndOtherAddressesAreNot() {
        var stranger = anonymous().with("X-Forwarded-For", "203.0.113.50");
        var neighbour = anonymous().with("X-Forwarded-For", "203.0.113.51");

        var answers = untilRefused(stranger);

        assertThat(answers.subList(0, 8)).allSatisfy(a -> assertThat(a.status()).isEqualTo(401));
        var refused = answers.getLast();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("8");
        assertThat(neighbour.get("/api/v1/agents/me").status()).isEqualTo(401);
        // Token creation counts too: guessing passwords from one address is slowed down as well.
        assertThat(stranger.withBasic("someone@example.com", "guess")
                        .post("/api/v1/tokens", java.util.Map.of("name", "x"))
                        .status())
                .isEqualTo(429);
    }
}
