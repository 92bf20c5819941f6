package dev.casekeeper.reports;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Report dimensions beyond team, agent, channel and priority: a tag (as the case has it now, also
 * after its tags change) and repeat contacts (a customer's case opened within 7 days of another).
 */
class ReportDimensionsTests extends ApiTestBase {

    @Autowired
    AgentManagement agents;

    @Autowired
    CaseManagement cases;

    @Test
    void aTagNarrowsTheReportToTheCasesThatHaveItNow() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        var billing = openCase(supervisor.api(), team, "Charged twice for one order");
        openCase(supervisor.api(), team, "Parcel never arrived");
        var retagged = openCase(supervisor.api(), team, "Refund not received");
        var by = agents.signedIn(new AgentId(supervisor.id())).orElseThrow();
        cases.change(new CaseId(billing), new ChangeCase(null, null, List.of("billing")), by);
        cases.change(new CaseId(retagged), new ChangeCase(null, null, List.of("Billing", "refund")), by);

        assertThat(created(supervisor, "team=" + team)).isEqualTo(3);
        assertThat(created(supervisor, "team=" + team + "&tag=billing")).isEqualTo(2);
        assertThat(created(supervisor, "team=" + team + "&tag=REFUND")).isEqualTo(1);

        cases.change(new CaseId(retagged), new ChangeCase(null, null, List.of()), by);
        assertThat(created(supervisor, "team=" + team + "&tag=billing")).isEqualTo(1);
        assertThat(supervisor
                        .api()
                        .get("/api/v1/reports/metrics/csv?team=" + team + "&tag=billing")
                        .text())
                .contains("total,1,");
        var refused = supervisor.api().get("/api/v1/reports/metrics?tag=" + "x".repeat(51));
        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("tag");
    }

    @Test
    void aCustomerWhoComesBackWithinAWeekCountsAsARepeatContact() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        String email = "again-" + UUID.randomUUID() + "@example.com";
        open(supervisor, team, email, "Activation key gone");
        open(supervisor, team, email, "Activation key still gone");
        open(supervisor, team, email, "Third time: the key");
        open(supervisor, team, "once-" + UUID.randomUUID() + "@example.com", "Parcel late");

        var total = supervisor
                .api()
                .get("/api/v1/reports/metrics?team=" + team)
                .json()
                .get("total");
        // The second and third cases each follow one of the same customer's within 7 days.
        assertThat(total.get("created").asLong()).isEqualTo(4);
        assertThat(total.get("repeatContacts").asLong()).isEqualTo(2);
        var csv =
                supervisor.api().get("/api/v1/reports/metrics/csv?team=" + team).text();
        var lines = csv.split("\r\n");
        int column = java.util.Arrays.asList(lines[0].split(",")).indexOf("repeat_contacts");
        assertThat(column).isPositive();
        assertThat(lines[lines.length - 1].split(",", -1)[column]).isEqualTo("2");
    }

    private long created(Caller who, String query) {
        var report = who.api().get("/api/v1/reports/metrics?" + query);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json().get("total").get("created").asLong();
    }

    private void open(Caller who, UUID team, String email, String subject) {
        var created = who.api()
                .post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                subject,
                                "teamId",
                                team,
                                "requester",
                                Map.of("email", email, "name", "Maria Lopez"),
                                "message",
                                Map.of("body", "It happened again.")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
