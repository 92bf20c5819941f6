package dev.casekeeper.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.sla.OpeningHours;
import dev.casekeeper.sla.PolicyConditions;
import dev.casekeeper.sla.SaveCalendar;
import dev.casekeeper.sla.SavePolicy;
import dev.casekeeper.sla.SlaManagement;
import dev.casekeeper.sla.Targets;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * First response and resolution in business hours: the open time of the calendar of the SLA policy
 * that matches the case (the {@code sla} module's arithmetic), beside calendar time, in the API and
 * the CSV. The desk works Monday to Friday 09:00-17:00 UTC; a case opened on a Friday at 16:00 and
 * answered on Monday at 10:00 waited 66 hours, two of them open.
 */
@MovesTime
class BusinessHoursReportTests extends ApiTestBase {

    private static final double SLACK = 5.0;

    @Autowired
    SlaManagement sla;

    @Autowired
    AgentManagement agents;

    @Autowired
    CaseManagement cases;

    @Test
    void firstResponseAndResolutionAreReportedInTheCasePolicysBusinessHoursAsWellAsCalendarTime() {
        var team = newTeam();
        var alice = newAgent("agent", team);
        var policy = businessHoursPolicy(team);
        try {
            var friday = LocalDate.ofInstant(TestClock.INSTANCE.instant(), ZoneOffset.UTC)
                    .plusDays(1)
                    .with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
            TestClock.INSTANCE.advanceTo(friday.atTime(16, 0).toInstant(ZoneOffset.UTC));
            var kase = new CaseId(openCase(admin(), team, "Activation key after hours"));
            var signedIn = agents.signedIn(new AgentId(alice.id())).orElseThrow();
            cases.assign(kase, signedIn.id(), signedIn);

            var monday = friday.plusDays(3);
            TestClock.INSTANCE.advanceTo(monday.atTime(10, 0).toInstant(ZoneOffset.UTC));
            cases.reply(kase, "Here is your new activation key.", null, signedIn);
            TestClock.INSTANCE.advance(Duration.ofHours(1));
            cases.change(kase, new ChangeCase(CaseStatus.SOLVED, null, null), signedIn);

            var path = "?period=week&team=" + team + "&from=" + friday.minusDays(1) + "&to=" + monday.plusDays(1);
            var total = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> admin().get("/api/v1/reports/metrics" + path)
                                    .json()
                                    .get("total"),
                            t -> t.get("solved").asInt() == 1);
            // Friday 16:00-17:00 and Monday 09:00-10:00 were open; 66 hours went by.
            assertThat(total.get("firstResponseBusinessMedian").asDouble()).isCloseTo(7200.0, within(SLACK));
            assertThat(total.get("firstResponseMedian").asDouble()).isCloseTo(66 * 3600.0, within(SLACK));
            // Solved at 11:00 on Monday: three open hours, 67 hours.
            assertThat(total.get("resolutionBusinessMedian").asDouble()).isCloseTo(10800.0, within(SLACK));
            assertThat(total.get("resolutionBusinessP90").asDouble()).isCloseTo(10800.0, within(SLACK));
            assertThat(total.get("resolutionMedian").asDouble()).isCloseTo(67 * 3600.0, within(SLACK));

            var csv = admin().get("/api/v1/reports/metrics/csv" + path).text().split("\r\n");
            var header = Arrays.asList(csv[0].split(","));
            var last = csv[csv.length - 1].split(",", -1);
            assertThat(Double.parseDouble(last[header.indexOf("first_response_business_median_s")]))
                    .isCloseTo(7200.0, within(SLACK));
            assertThat(Double.parseDouble(last[header.indexOf("resolution_business_p90_s")]))
                    .isCloseTo(10800.0, within(SLACK));
            assertThat(Double.parseDouble(last[header.indexOf("first_response_median_s")]))
                    .isCloseTo(66 * 3600.0, within(SLACK));
        } finally {
            sla.deletePolicy(policy.id());
        }
    }

    /** A policy for the team alone, tried before every other (position 0, a name that sorts first). */
    private dev.casekeeper.sla.SlaPolicy businessHoursPolicy(UUID team) {
        var hours = new ArrayList<OpeningHours>();
        for (var day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.add(new OpeningHours(day, 9 * 60, 17 * 60));
        }
        var calendar =
                sla.createCalendar(new SaveCalendar("Reports office " + UUID.randomUUID(), "UTC", hours, List.of()));
        var targets = new EnumMap<Priority, Targets>(Priority.class);
        for (var priority : Priority.values()) {
            targets.put(priority, new Targets(24 * 60, 24 * 60, 10 * 24 * 60));
        }
        var conditions =
                new PolicyConditions(List.of(), List.of(new TeamId(team)), List.of(), List.of(), List.of(), List.of());
        return sla.createPolicy(
                new SavePolicy("000 reports " + UUID.randomUUID(), 0, calendar.id(), conditions, targets, false, null));
    }
}
