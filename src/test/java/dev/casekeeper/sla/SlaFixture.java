package dev.casekeeper.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * SLA test data through the API: a calendar open around the clock and a policy for one team, so a
 * test's cases get known targets whatever day the tests run on and whatever other tests create.
 */
public final class SlaFixture {

    private SlaFixture() {}

    public static UUID alwaysOpenCalendar(Api admin) {
        var hours = new ArrayList<Map<String, String>>();
        for (var day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            hours.add(Map.of("day", day, "from", "00:00", "to", "24:00"));
        }
        var created = admin.post(
                "/api/v1/sla/calendars",
                Map.of("name", "Around the clock " + UUID.randomUUID(), "zone", "UTC", "hours", hours));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    /** A policy for the team's cases: first response 60 min, next response 30, resolution 240, any priority. */
    public static UUID teamPolicy(Api admin, UUID calendar, UUID team, boolean pauseOnHold, Integer checkinDays) {
        var body = policyBody("Team policy " + UUID.randomUUID(), calendar, team, 60, 30, 240);
        body.put("pauseOnHold", pauseOnHold);
        if (checkinDays != null) {
            body.put("checkinAfterBusinessDays", checkinDays);
        }
        var created = admin.post("/api/v1/sla/policies", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    public static Map<String, Object> policyBody(
            String name, UUID calendar, UUID team, int first, int next, int resolution) {
        var targets =
                Map.of("firstResponseMinutes", first, "nextResponseMinutes", next, "resolutionMinutes", resolution);
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("position", 0);
        body.put("calendarId", calendar);
        body.put("conditions", Map.of("teamIds", List.of(team)));
        body.put("targets", Map.of("urgent", targets, "high", targets, "normal", targets, "low", targets));
        return body;
    }

    public static UUID openCase(Api as, UUID team, String subject) {
        return openCase(as, team, subject, "customer-" + UUID.randomUUID() + "@example.com");
    }

    public static UUID openCase(Api as, UUID team, String subject, String customerEmail) {
        var created = as.post(
                "/api/v1/cases",
                Map.of(
                        "subject",
                        subject,
                        "requester",
                        Map.of("email", customerEmail, "name", "Deon Carter"),
                        "message",
                        Map.of("body", "I ordered the blue Nike Elite socks and got white ones."),
                        "teamId",
                        team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    /** The clock of one target in the case's SLA (the latest cycle). */
    public static JsonNode clock(Api as, UUID caseId, String target) {
        var sla = as.get("/api/v1/cases/" + caseId + "/sla");
        assertThat(sla.status()).as(sla.toString()).isEqualTo(200);
        return sla.json()
                .get("clocks")
                .valueStream()
                .filter(c -> c.get("target").asString().equals(target))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + target + " clock in " + sla));
    }

    /** The case's timeline events of one type. */
    public static List<JsonNode> events(Api as, UUID caseId, String type) {
        var found = as.get("/api/v1/cases/" + caseId);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json()
                .get("timeline")
                .valueStream()
                .filter(e ->
                        e.has("eventType") && type.equals(e.get("eventType").asString()))
                .toList();
    }

    /** The caller's notifications about one case, of one kind. */
    public static List<JsonNode> notifications(Api as, UUID caseId, String kind) {
        var inbox = as.get("/api/v1/notifications?limit=100");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        return inbox.json()
                .get("items")
                .valueStream()
                .filter(n -> n.has("caseId")
                        && caseId.toString().equals(n.get("caseId").asString()))
                .filter(n -> kind.equals(n.get("kind").asString()))
                .toList();
    }
}
