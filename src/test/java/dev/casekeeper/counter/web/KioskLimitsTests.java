package dev.casekeeper.counter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.counter.CounterSettings;
import dev.casekeeper.ratelimits.RateLimits;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The kiosk's allowance per client address, counted in buckets every node shares: past it, refused
 * with the wait, on this node and on another on the same database, and the kiosk page says so with
 * 429 and Retry-After; other clients are not held up. Each other "node" is a limiter of its own with
 * its own connections to the database, as a second application on the same PostgreSQL has; the
 * application here allows two tickets an hour (and two answers in the help center, as
 * {@code HelpLimitsTests}, so both run in one application).
 */
@TestPropertySource(
        properties = {"casekeeper.counter.tickets-per-client=2", "casekeeper.knowledge.feedback-per-client=2"})
class KioskLimitsTests extends ApiTestBase {

    @Autowired
    private DataSource dataSource;

    /** A node of its own on the same database, with the application's allowance. */
    private KioskLimits node() {
        return new KioskLimits(new RateLimits(dataSource), new CounterSettings(Duration.ofMinutes(2), 2, 8, null));
    }

    @Test
    void refusesAClientPastItsHourlyAllowanceWithTheWait() {
        var limits = node();
        var client = WebSession.aLocalAddress();
        assertThat(limits.ticketFrom(client).allowed()).isTrue();
        assertThat(limits.ticketFrom(client).allowed()).isTrue();

        var refused = limits.ticketFrom(client);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(limits.ticketFrom(WebSession.aLocalAddress()).allowed()).isTrue();
    }

    @Test
    void aClientPastItsAllowanceOnOneNodeIsRefusedOnAnotherNodeOfTheSameDatabase() {
        var one = node();
        var other = node();
        var client = WebSession.aLocalAddress();

        assertThat(one.ticketFrom(client).allowed()).isTrue();
        assertThat(other.ticketFrom(client).allowed()).isTrue();
        assertThat(one.ticketFrom(client).allowed()).isFalse();

        var refused = node().ticketFrom(client);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(other.ticketFrom(WebSession.aLocalAddress()).allowed()).isTrue();
    }

    @Test
    void theKioskRefusesAClientWhoUsedUpTheAllowanceOnAnotherNodeWith429AndRetryAfter() {
        var team = newTeam();
        var slug = "kiosk-" + UUID.randomUUID().toString().substring(0, 8);
        var id = admin().post("/api/v1/counter/locations", Map.of("name", "Returns line", "slug", slug))
                .json()
                .get("id")
                .asString();
        var reason = admin().post(
                        "/api/v1/counter/locations/" + id + "/reasons",
                        Map.of("label", "Returns and exchanges", "code", "R", "teamId", team))
                .json()
                .get("id")
                .asString();
        var client = WebSession.aLocalAddress();
        var otherNode = node();
        otherNode.ticketFrom(client);
        otherNode.ticketFrom(client);
        var kiosk = WebSession.from(port, client);
        kiosk.get("/counter/kiosk/" + slug);

        var refused = kiosk.post("/counter/kiosk/" + slug, Map.of("firstName", "Deon", "reasonId", reason));

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(refused.html().select("#kiosk-limited")).hasSize(1);
        assertThat(admin().get("/api/v1/counter/locations/" + id + "/tickets")
                        .json()
                        .size())
                .isZero();
        var neighbour = WebSession.from(port, WebSession.aLocalAddress());
        neighbour.get("/counter/kiosk/" + slug);
        assertThat(neighbour
                        .post("/counter/kiosk/" + slug, Map.of("firstName", "Deon", "reasonId", reason))
                        .status())
                .isEqualTo(302);
    }
}
