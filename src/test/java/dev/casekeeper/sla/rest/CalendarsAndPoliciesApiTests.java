package dev.casekeeper.sla.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admins set up calendars and policies; bad input is refused naming the field and changes nothing; agents only read. */
class CalendarsAndPoliciesApiTests extends ApiTestBase {

    @Test
    void anAdminCreatesACalendarWithSplitHoursAndHolidaysThatEveryAgentCanRead() {
        var created = admin().post(
                        "/api/v1/sla/calendars",
                        Map.of(
                                "name",
                                "Berlin desk " + UUID.randomUUID(),
                                "zone",
                                "Europe/Berlin",
                                "hours",
                                List.of(
                                        Map.of("day", "monday", "from", "09:00", "to", "12:30"),
                                        Map.of("day", "monday", "from", "13:30", "to", "18:00"),
                                        Map.of("day", "saturday", "from", "10:00", "to", "14:00")),
                                "holidays",
                                List.of(
                                        Map.of("date", "2026-12-25", "yearly", true, "name", "Christmas Day"),
                                        Map.of("date", "2026-05-14", "name", "Ascension Day"))));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(created.json().get("id").asString());
        var read = newAgent("agent")
                .api()
                .get("/api/v1/sla/calendars/" + created.json().get("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(read.json().get("hours")).hasSize(3);
        assertThat(read.json().get("hours").get(1).get("to").asString()).isEqualTo("18:00");
        assertThat(read.json().get("holidays").get(0).get("yearly").asBoolean()).isTrue();
    }

    @Test
    void refusesAnUnknownZoneOverlappingHoursAndMalformedTimesNamingTheField() {
        String name = "Refused " + UUID.randomUUID();
        var zone = admin().post("/api/v1/sla/calendars", calendar(name, "Mars/Olympus_Mons", "09:00", "17:00"));
        assertProblem(zone, 400, "invalid-input");
        assertThat(fieldsNamed(zone)).containsExactly("zone");

        var overlap = admin().post(
                        "/api/v1/sla/calendars",
                        Map.of(
                                "name",
                                name,
                                "zone",
                                "UTC",
                                "hours",
                                List.of(
                                        Map.of("day", "tuesday", "from", "09:00", "to", "13:00"),
                                        Map.of("day", "tuesday", "from", "12:00", "to", "17:00"))));
        assertProblem(overlap, 400, "invalid-input");
        assertThat(fieldsNamed(overlap)).containsExactly("hours");
        assertThat(overlap.json().get("detail").asString()).contains("Tuesday 09:00-13:00 overlaps 12:00-17:00");

        var backwards = admin().post("/api/v1/sla/calendars", calendar(name, "UTC", "17:00", "09:00"));
        assertProblem(backwards, 400, "invalid-input");
        assertThat(fieldsNamed(backwards)).containsExactly("hours[0]");

        var malformed = admin().post("/api/v1/sla/calendars", calendar(name, "UTC", "9 o'clock", "17:00"));
        assertThat(fieldsNamed(malformed)).containsExactly("hours[0].from");

        var noDay = admin().post(
                        "/api/v1/sla/calendars",
                        Map.of(
                                "name",
                                name,
                                "zone",
                                "UTC",
                                "hours",
                                List.of(Map.of("day", "someday", "from", "09:00", "to", "17:00"))));
        assertThat(fieldsNamed(noDay)).containsExactly("hours[0].day");

        var noHours = admin().post("/api/v1/sla/calendars", Map.of("name", name, "zone", "UTC", "hours", List.of()));
        assertProblem(noHours, 400, "invalid-input");

        assertThat(admin().get("/api/v1/sla/calendars")
                        .json()
                        .valueStream()
                        .map(c -> c.get("name").asString()))
                .doesNotContain(name);
    }

    @Test
    void calendarAndPolicyNamesAreUniqueAndACalendarInUseCannotBeDeleted() {
        var team = newTeam();
        var calendar = SlaFixture.alwaysOpenCalendar(admin());
        String calendarName = admin().get("/api/v1/sla/calendars/" + calendar)
                .json()
                .get("name")
                .asString();
        assertProblem(
                admin().post("/api/v1/sla/calendars", calendar(calendarName.toUpperCase(), "UTC", "09:00", "17:00")),
                409,
                "calendar-name-taken");

        var policy = SlaFixture.teamPolicy(admin(), calendar, team, false, null);
        String policyName =
                admin().get("/api/v1/sla/policies/" + policy).json().get("name").asString();
        assertProblem(
                admin().post("/api/v1/sla/policies", SlaFixture.policyBody(policyName, calendar, team, 10, 10, 10)),
                409,
                "policy-name-taken");

        assertProblem(admin().delete("/api/v1/sla/calendars/" + calendar), 409, "calendar-in-use");
        assertThat(admin().delete("/api/v1/sla/policies/" + policy).status()).isEqualTo(204);
        assertThat(admin().delete("/api/v1/sla/calendars/" + calendar).status()).isEqualTo(204);
        assertProblem(admin().get("/api/v1/sla/calendars/" + calendar), 404, "not-found");
    }

    @Test
    void refusesPoliciesWithAnUnknownCalendarOrTeamOrTargetsThatAreNotPositive() {
        var team = newTeam();
        var calendar = SlaFixture.alwaysOpenCalendar(admin());
        String name = "Refused " + UUID.randomUUID();

        var unknownCalendar =
                admin().post("/api/v1/sla/policies", SlaFixture.policyBody(name, UUID.randomUUID(), team, 60, 60, 60));
        assertProblem(unknownCalendar, 400, "invalid-input");
        assertThat(fieldsNamed(unknownCalendar)).containsExactly("calendarId");

        var unknownTeam = admin().post(
                        "/api/v1/sla/policies", SlaFixture.policyBody(name, calendar, UUID.randomUUID(), 60, 60, 60));
        assertThat(fieldsNamed(unknownTeam)).containsExactly("conditions.teamIds");

        var zero = admin().post("/api/v1/sla/policies", SlaFixture.policyBody(name, calendar, team, 0, 60, 60));
        assertProblem(zero, 400, "invalid-input");
        assertThat(fieldsNamed(zero).getFirst()).endsWith(".firstResponseMinutes");

        var missingPriority = SlaFixture.policyBody(name, calendar, team, 60, 60, 60);
        missingPriority.put(
                "targets",
                Map.of("urgent", Map.of("firstResponseMinutes", 5, "nextResponseMinutes", 5, "resolutionMinutes", 5)));
        assertThat(fieldsNamed(admin().post("/api/v1/sla/policies", missingPriority))
                        .getFirst())
                .startsWith("targets.");

        var unknownPriority = SlaFixture.policyBody(name, calendar, team, 60, 60, 60);
        unknownPriority.put("targets", Map.of("whenever", Map.of("firstResponseMinutes", 5)));
        assertThat(fieldsNamed(admin().post("/api/v1/sla/policies", unknownPriority)))
                .containsExactly("targets.whenever");

        var badCheckin = SlaFixture.policyBody(name, calendar, team, 60, 60, 60);
        badCheckin.put("checkinAfterBusinessDays", 0);
        assertThat(fieldsNamed(admin().post("/api/v1/sla/policies", badCheckin)))
                .containsExactly("checkinAfterBusinessDays");

        assertThat(admin().get("/api/v1/sla/policies")
                        .json()
                        .valueStream()
                        .map(p -> p.get("name").asString()))
                .doesNotContain(name);
    }

    @Test
    void agentsAndSupervisorsReadPoliciesButOnlyAdminsWriteThem() {
        var team = newTeam();
        var calendar = SlaFixture.alwaysOpenCalendar(admin());
        var body = SlaFixture.policyBody("Not mine " + UUID.randomUUID(), calendar, team, 60, 60, 60);

        for (var role : List.of("agent", "supervisor")) {
            var caller = newAgent(role).api();
            assertProblem(caller.post("/api/v1/sla/policies", body), 403, "forbidden");
            assertProblem(
                    caller.post(
                            "/api/v1/sla/calendars",
                            calendar("Not mine " + UUID.randomUUID(), "UTC", "09:00", "17:00")),
                    403,
                    "forbidden");
            assertThat(caller.get("/api/v1/sla/policies").status()).isEqualTo(200);
        }
    }

    @Test
    void aFreshInstallHasAStandardPolicyForEveryCase() {
        var policies = newAgent("agent").api().get("/api/v1/sla/policies").json();

        var standard = policies.valueStream()
                .filter(p -> p.get("name").asString().equals("Standard"))
                .findFirst()
                .orElseThrow();
        assertThat(standard.get("targets")
                        .get("urgent")
                        .get("firstResponseMinutes")
                        .asInt())
                .isEqualTo(60);
        assertThat(standard.get("targets").get("low").get("resolutionMinutes").asInt())
                .isEqualTo(5 * 8 * 60);
        assertThat(standard.get("conditions").get("teamIds")).isEmpty();
    }

    private static Map<String, Object> calendar(String name, String zone, String from, String to) {
        return Map.of("name", name, "zone", zone, "hours", List.of(Map.of("day", "monday", "from", from, "to", to)));
    }
}
