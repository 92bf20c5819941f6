package dev.casekeeper.followups.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The promise a draft commits to, as the composer asks for it: due in the agent's zone, working days
 * in the team's business calendar, nothing recorded; only for a case the agent may see.
 */
class PromiseSuggestionsApiTests extends ApiTestBase {

    // The application's clock: the shared TestClock is the clock only of the tests that move time.
    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    @Test
    void suggestsTheCallTomorrowAtTenInTheAgentsZoneAndRecordsNothing() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        UUID caseId = SlaFixture.openCase(agent.api(), team, "Return: Nike Elite socks in the wrong colour");
        var zone = ZoneId.of("America/New_York");

        var answer = agent.api()
                .post(
                        "/api/v1/cases/" + caseId + "/promise-suggestions",
                        Map.of(
                                "text",
                                "Sorry about the socks. I'll call you tomorrow at 10:00.",
                                "zone",
                                zone.getId()));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        var suggestion = answer.json().get("suggestion");
        assertThat(suggestion.get("text").asString()).isEqualTo("I'll call you tomorrow at 10:00.");
        var expected = clock.instant()
                .atZone(zone)
                .toLocalDate()
                .plusDays(1)
                .atTime(10, 0)
                .atZone(zone)
                .toInstant();
        assertThat(Instant.parse(suggestion.get("dueAt").asString())).isEqualTo(expected);
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId + "/followups")
                        .json()
                        .get("followups")
                        .size())
                .isZero();
    }

    @Test
    void countsWorkingDaysInTheTeamsBusinessCalendar() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var hours = List.of(
                Map.of("day", "monday", "from", "09:00", "to", "13:00"),
                Map.of("day", "wednesday", "from", "09:00", "to", "13:00"));
        var calendar = admin().post(
                        "/api/v1/sla/calendars",
                        Map.of("name", "Mondays and Wednesdays " + UUID.randomUUID(), "zone", "UTC", "hours", hours));
        assertThat(calendar.status()).as(calendar.toString()).isEqualTo(201);
        var policy = admin().post(
                        "/api/v1/sla/policies",
                        SlaFixture.policyBody(
                                "Short week " + UUID.randomUUID(),
                                UUID.fromString(calendar.json().get("id").asString()),
                                team,
                                60,
                                30,
                                240));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
        UUID caseId = SlaFixture.openCase(agent.api(), team, "Refund for the returned socks");

        var answer = agent.api()
                .post(
                        "/api/v1/cases/" + caseId + "/promise-suggestions",
                        Map.of("text", "We will refund you within 2 working days.", "zone", "Europe/Berlin"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        LocalDate day = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        int found = 0;
        while (found < 2) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                found++;
            }
        }
        assertThat(Instant.parse(answer.json().get("suggestion").get("dueAt").asString()))
                .isEqualTo(day.atTime(LocalTime.of(13, 0)).toInstant(ZoneOffset.UTC));
    }

    @Test
    void suggestsNothingWhereTheDraftPromisesNothing() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        UUID caseId = SlaFixture.openCase(agent.api(), team, "Socks");

        var answer = agent.api()
                .post("/api/v1/cases/" + caseId + "/promise-suggestions", Map.of("text", "Thanks for your patience."));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("suggestion").isNull()).isTrue();
    }

    @Test
    void refusesAnAgentOutsideTheTeamAnUnknownZoneAndAMissingText() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        UUID caseId = SlaFixture.openCase(agent.api(), team, "Socks");
        var outsider = newAgent("agent", newTeam());

        assertProblem(
                outsider.api()
                        .post(
                                "/api/v1/cases/" + caseId + "/promise-suggestions",
                                Map.of("text", "I'll call you tomorrow at 10:00.")),
                404,
                "not-found");
        assertProblem(
                agent.api()
                        .post(
                                "/api/v1/cases/" + caseId + "/promise-suggestions",
                                Map.of("text", "I'll call you tomorrow at 10:00.", "zone", "Mars/Olympus")),
                400,
                "invalid-input");
        assertThat(agent.api()
                        .post("/api/v1/cases/" + caseId + "/promise-suggestions", Map.of("zone", "UTC"))
                        .status())
                .isEqualTo(400);
    }
}
