package dev.casekeeper.reports;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.fields.FieldManagement;
import dev.casekeeper.fields.FieldSubject;
import dev.casekeeper.fields.FieldType;
import dev.casekeeper.fields.SaveField;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Reports by a case custom field: filtered by a field's value and broken down by a dropdown's or a
 * checkbox's values, as the cases hold them now (also after a value changes), on the API, in the CSV
 * and on the page. A small scripted desk moved through time, against figures worked out by hand; the
 * clock is real time plus the test's jumps, so times may exceed the scripted ones by a few seconds.
 */
@MovesTime
class ReportCustomFieldTests extends ApiTestBase {

    private static final double SLACK = 5.0;

    @Autowired
    AgentManagement agents;

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    FieldManagement fields;

    @Autowired
    Reports reports;

    @Test
    void breaksTheFiguresDownByTheValuesTheCasesHoldNow() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        var me = signedIn(supervisor.id());
        String plan = key("plan");
        String vip = key("vip");
        define(plan, "Plan", FieldType.DROPDOWN, team, List.of("Basic", "Gold"));
        define(vip, "VIP", FieldType.CHECKBOX, team, List.of());
        var first = open(team);
        var second = open(team);
        var third = open(team);
        var fourth = open(team);
        fields.setCaseValues(first, values(plan, "Gold", vip, true), me);
        fields.setCaseValues(second, values(plan, "gold", vip, false), me);
        fields.setCaseValues(third, values(plan, "Basic"), me);

        advance(Duration.ofMinutes(10));
        cases.reply(first, "Your seats are back.", null, me);
        advance(Duration.ofMinutes(20));
        cases.reply(second, "I am looking into the invoice.", null, me);
        advance(Duration.ofMinutes(20));
        cases.reply(third, "The upgrade is on its way.", null, me);
        advance(Duration.ofMinutes(10));
        cases.change(first, new ChangeCase(CaseStatus.SOLVED, null, null), me);

        String range = range() + "&team=" + team;
        var report = await().until(
                        () -> supervisor
                                .api()
                                .get("/api/v1/reports/metrics?" + range + "&byField=" + plan)
                                .json(),
                        r -> r.get("total").get("created").asLong() == 4);
        assertThat(report.get("byField").asString()).isEqualTo(plan);
        // The options in their order, then the cases without a value.
        var byValue = report.get("byValue");
        assertThat(valuesOf(byValue)).containsExactly("Basic", "Gold", null);
        var basic = figures(byValue, "Basic");
        var gold = figures(byValue, "Gold");
        var none = figures(byValue, null);
        assertThat(basic.get("created").asLong()).isEqualTo(1);
        assertThat(basic.get("firstResponseMedian").asDouble()).isCloseTo(3000.0, within(SLACK));
        // Gold: first responses after 600 and 1800 s, the median halfway; the first case solved after 3600 s.
        assertThat(gold.get("created").asLong()).isEqualTo(2);
        assertThat(gold.get("firstResponseMedian").asDouble()).isCloseTo(1200.0, within(SLACK));
        assertThat(gold.get("solved").asLong()).isEqualTo(1);
        assertThat(gold.get("resolutionMedian").asDouble()).isCloseTo(3600.0, within(SLACK));
        assertThat(none.get("created").asLong()).isEqualTo(1);
        assertThat(none.get("firstResponseMedian").isNull()).isTrue();

        var vips = supervisor
                .api()
                .get("/api/v1/reports/metrics?" + range + "&byField=" + vip)
                .json()
                .get("byValue");
        assertThat(valuesOf(vips)).containsExactly("true", "false", null);
        assertThat(figures(vips, "true").get("created").asLong()).isEqualTo(1);
        assertThat(figures(vips, "false").get("created").asLong()).isEqualTo(1);
        assertThat(figures(vips, null).get("created").asLong()).isEqualTo(2);

        // A filter by a value, in any case of letters a dropdown's option has.
        var goldOnly = total(supervisor, range + "&field=" + plan + "&fieldValue=GOLD");
        assertThat(goldOnly.get("created").asLong()).isEqualTo(2);
        assertThat(goldOnly.get("firstResponseMedian").asDouble()).isCloseTo(1200.0, within(SLACK));
        assertThat(total(supervisor, range + "&field=" + vip + "&fieldValue=yes")
                        .get("created")
                        .asLong())
                .isEqualTo(1);

        // The third case moves from Basic to Gold: its figures move with it, with no rebuild.
        fields.setCaseValues(third, values(plan, "Gold"), me);
        var moved = supervisor
                .api()
                .get("/api/v1/reports/metrics?" + range + "&byField=" + plan)
                .json()
                .get("byValue");
        assertThat(figures(moved, "Basic").get("created").asLong()).isZero();
        assertThat(figures(moved, "Gold").get("created").asLong()).isEqualTo(3);
        assertThat(figures(moved, "Gold").get("firstResponseMedian").asDouble()).isCloseTo(1800.0, within(SLACK));
        // Cleared, a value leaves the filter too.
        fields.setCaseValues(first, values(plan, null), me);
        assertThat(total(supervisor, range + "&field=" + plan + "&fieldValue=Gold")
                        .get("created")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void theCsvHasARowPerValueAndThePageATableAndAChart() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        var me = signedIn(supervisor.id());
        String tier = key("tier");
        define(tier, "Support tier", FieldType.DROPDOWN, team, List.of("Standard", "Premium"));
        fields.setCaseValues(open(team), values(tier, "Premium"), me);
        fields.setCaseValues(open(team), values(tier, "Premium"), me);
        open(team);
        String query = range() + "&team=" + team + "&byField=" + tier;

        var lines = supervisor
                .api()
                .get("/api/v1/reports/metrics/csv?" + query)
                .text()
                .split("\r\n");
        var header = Arrays.asList(lines[0].split(","));
        int created = header.indexOf("created");
        int value = header.indexOf("field:" + tier);
        assertThat(value).isEqualTo(header.size() - 1);
        var byValue = new HashMap<String, String>();
        for (var line : lines) {
            var cells = line.split(",", -1);
            if (cells[0].equals("total")) {
                byValue.put(cells[value], cells[created]);
            }
        }
        assertThat(byValue)
                .containsEntry("(all)", "3")
                .containsEntry("Standard", "0")
                .containsEntry("Premium", "2")
                .containsEntry("(none)", "1");

        var web = WebSession.anonymous(port).signIn(supervisor.email(), PASSWORD);
        var page = web.get("/reports?" + query);
        assertThat(page.status()).isEqualTo(200);
        var html = page.html();
        assertThat(html.select("#by-field-title").text()).contains("Support tier");
        assertThat(html.select("#by-field-table tbody tr").stream()
                        .map(r -> r.select("th").text() + "="
                                + r.select("td").first().text())
                        .toList())
                .containsExactly("Standard=0", "Premium=2", "No value=1");
        assertThat(html.select("#chart-by-field svg title").text()).isNotBlank();
        assertThat(html.select("#report-by-field option[selected]").attr("value"))
                .isEqualTo(tier);
    }

    @Test
    void anUnknownFieldOrAValueOfTheWrongTypeIsRefusedInWords() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        String seats = key("seats");
        String note = key("note");
        define(seats, "Seats", FieldType.NUMBER, team, List.of());
        define(note, "Note", FieldType.TEXT, team, List.of());

        var unknown = supervisor.api().get("/api/v1/reports/metrics?field=no_such_field&fieldValue=1");
        assertProblem(unknown, 400, "invalid-input");
        assertThat(fieldsNamed(unknown)).containsExactly("field");
        var wrongType =
                supervisor.api().get("/api/v1/reports/metrics?field=" + seats + "&fieldValue=twelve&byField=" + note);
        assertProblem(wrongType, 400, "invalid-input");
        assertThat(fieldsNamed(wrongType)).containsExactlyInAnyOrder("fieldValue", "byField");
        assertThat(wrongType.text()).contains("whole number").contains("dropdown or checkbox");
        assertProblem(supervisor.api().get("/api/v1/reports/metrics/csv?byField=no_such_field"), 400, "invalid-input");

        var web = WebSession.anonymous(port).signIn(supervisor.email(), PASSWORD);
        var page = web.get("/reports?field=" + seats + "&fieldValue=twelve");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.html().text()).contains("fieldValue must be a whole number");
    }

    private JsonNode total(Caller who, String query) {
        var report = who.api().get("/api/v1/reports/metrics?" + query);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json().get("total");
    }

    private static List<String> valuesOf(JsonNode byValue) {
        var values = new java.util.ArrayList<String>();
        byValue.forEach(
                v -> values.add(v.get("value").isNull() ? null : v.get("value").asString()));
        return values;
    }

    private static JsonNode figures(JsonNode byValue, String value) {
        for (var v : byValue) {
            if (value == null
                    ? v.get("value").isNull()
                    : value.equals(v.get("value").asString())) {
                return v.get("figures");
            }
        }
        throw new AssertionError("no value " + value + " in " + byValue);
    }

    private String range() {
        // Around today, whatever the desk's zone and however far the test moved the clock.
        var today = reports.today();
        return "from=" + today.minusDays(2) + "&to=" + today.plusDays(2) + "&period=day";
    }

    private void define(String apiKey, String name, FieldType type, UUID team, List<String> options) {
        fields.create(
                new SaveField(FieldSubject.CASE, name, apiKey, type, null, false, new TeamId(team), options),
                anAdmin());
    }

    private static Map<String, Object> values(Object... keysAndValues) {
        var values = new HashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    private SignedInAgent anAdmin() {
        return agents.signedIn(agents.list().stream()
                        .filter(a -> a.role() == dev.casekeeper.agents.Role.ADMIN)
                        .findFirst()
                        .orElseThrow()
                        .id())
                .orElseThrow();
    }

    private SignedInAgent signedIn(UUID id) {
        return agents.signedIn(new AgentId(id)).orElseThrow();
    }

    private CaseId open(UUID team) {
        var message = InboundMessage.newCase(
                        "Licence " + UUID.randomUUID(), "Our seats are gone.", Channel.EMAIL, Actor.SYSTEM)
                .withTeam(new TeamId(team));
        return intake.receive(message, Sender.email("fields-" + UUID.randomUUID() + "@example.com", "Ana Souza"))
                .summary()
                .id();
    }

    private static String key(String name) {
        return name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static void advance(Duration by) {
        TestClock.INSTANCE.advance(by);
    }
}
