package dev.casekeeper.sla.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin pages for business calendars and SLA policies against the real database: what they
 * save, and that bad input comes back beside its field with nothing changed.
 */
class SlaAdminPagesTests extends ApiTestBase {

    private WebSession browser;

    @BeforeEach
    void anAdminSignedIn() {
        browser = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
    }

    @Test
    void aCalendarIsAddedWithItsHoursAndAYearlyHoliday() {
        String name = "Berlin office " + UUID.randomUUID();
        browser.get("/admin/calendars/new");

        var saved = browser.post(
                "/admin/calendars",
                calendar(
                        name,
                        "Europe/Berlin",
                        "09:00-12:30, 13:30-18:00",
                        "2026-12-25 yearly Christmas Day\n2026-05-14 Ascension"));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        var stored = calendarNamed(name);
        assertThat(stored.get("zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(stored.get("hours")).hasSize(10);
        var christmas = stored.get("holidays")
                .valueStream()
                .filter(h -> h.get("name").asString().equals("Christmas Day"))
                .findFirst();
        assertThat(christmas)
                .hasValueSatisfying(h -> assertThat(h.get("yearly").asBoolean()).isTrue());
        assertThat(stored.get("holidays")).hasSize(2);
        var page = browser.get(java.net.URI.create(saved.location()).getPath());
        assertThat(page.html().select("#notice-saved").text()).isEqualTo("Calendar added.");
        assertThat(page.html().select("#hours-monday").val()).isEqualTo("09:00-12:30, 13:30-18:00");
        assertThat(page.html().select("#hours-sunday").val()).isEmpty();
        assertThat(browser.get("/admin/calendars").html().select("#calendars").text())
                .contains(name);
        assertThat(page.html().select("#admin-tab-calendars").hasClass("active"))
                .isTrue();
    }

    @Test
    void unreadableHoursABadZoneAndABadHolidayAreRefusedBesideTheirFieldsAndNothingIsSaved() {
        String name = "Broken " + UUID.randomUUID();
        browser.get("/admin/calendars/new");

        var hours = browser.post("/admin/calendars", calendar(name, "UTC", "9 to 5", ""));
        var order = browser.post("/admin/calendars", calendar(name, "UTC", "17:00-09:00", ""));
        var holiday = browser.post("/admin/calendars", calendar(name, "UTC", "09:00-17:00", "Christmas 25.12."));
        var zone = browser.post("/admin/calendars", calendar(name, "Mars/Olympus", "09:00-17:00", ""));

        assertThat(hours.status()).isEqualTo(422);
        assertThat(hours.html().select("#hours-monday-error").text())
                .isEqualTo("“9 to 5” is not a stretch of hours; write it like 09:00-17:00.");
        assertThat(hours.html().select("#hours-monday").val())
                .as("kept as typed")
                .isEqualTo("9 to 5");
        assertThat(order.html().select("#hours-monday-error").text())
                .isEqualTo("“17:00-09:00” must open before it closes.");
        assertThat(holiday.html().select("#calendar-holidays-error").text()).startsWith("Line 1:");
        assertThat(zone.status()).isEqualTo(422);
        assertThat(zone.html().select("#calendar-zone-error").text()).contains("is not a time zone");
        assertThat(admin().get("/api/v1/sla/calendars")
                        .json()
                        .valueStream()
                        .map(c -> c.get("name").asString()))
                .doesNotContain(name);
    }

    @Test
    void aCalendarAPolicyUsesCannotBeDeletedAndThePageSaysWhy() {
        var calendar = SlaFixture.alwaysOpenCalendar(admin());
        SlaFixture.teamPolicy(admin(), calendar, newTeam(), false, null);
        browser.get("/admin/calendars/" + calendar);

        var refused = browser.post("/admin/calendars/" + calendar + "/deletion", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select("#calendar-refusal").text()).contains("is used by a policy");
        assertThat(admin().get("/api/v1/sla/calendars/" + calendar).status()).isEqualTo(200);
    }

    @Test
    void aPolicyIsAddedWithConditionsTargetsPauseAndCheckIn() {
        var calendar = SlaFixture.alwaysOpenCalendar(admin());
        var team = newTeam();
        String name = "VIP " + UUID.randomUUID();
        browser.get("/admin/policies/new");
        var form = policy(name, calendar, "60");
        form.put("priorities", "urgent");
        form.put("teamIds", team.toString());
        form.put("caseTags", "vip, gold");
        form.put("pauseOnHold", "true");
        form.put("checkinDays", "2");

        var saved = browser.post("/admin/policies", form);

        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        var stored = policyNamed(name);
        assertThat(stored.get("calendarId").asString()).isEqualTo(calendar.toString());
        assertThat(stored.get("conditions").get("priorities").get(0).asString()).isEqualTo("urgent");
        assertThat(stored.get("conditions").get("teamIds").get(0).asString()).isEqualTo(team.toString());
        assertThat(stored.get("conditions").get("caseTags")).hasSize(2);
        assertThat(stored.get("targets")
                        .get("urgent")
                        .get("firstResponseMinutes")
                        .asInt())
                .isEqualTo(60);
        assertThat(stored.get("pauseOnHold").asBoolean()).isTrue();
        assertThat(stored.get("checkinAfterBusinessDays").asInt()).isEqualTo(2);
        var page = browser.get(java.net.URI.create(saved.location()).getPath()).html();
        assertThat(page.select("#target-urgent-first").val()).isEqualTo("60");
        assertThat(page.select("input[name=teamIds][value=" + team + "]").hasAttr("checked"))
                .isTrue();
        assertThat(browser.get("/admin/policies").html().select("#policies").text())
                .contains(name);
    }

    @Test
    void aPolicyMatchesOnACustomFieldChosenOnThePageAndAValueTheFieldDoesNotAllowIsRefusedBesideIt() {
        var calendar = SlaFixture.alwaysOpenCalendar(admin());
        String plan = "plan_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var field = admin().post(
                        "/api/v1/fields",
                        Map.of(
                                "name",
                                "Plan",
                                "apiKey",
                                plan,
                                "type",
                                "dropdown",
                                "options",
                                java.util.List.of("Basic", "Business")));
        assertThat(field.status()).as(field.toString()).isEqualTo(201);
        var empty = browser.get("/admin/policies/new").html();
        assertThat(empty.select("#policy-field-" + plan + " option").eachText()).contains("Any", "Basic", "Business");

        String name = "Business plan " + UUID.randomUUID();
        var refusedForm = policy(name, calendar, "60");
        refusedForm.put("customFields[" + plan + "]", "Enterprise");
        var refused = browser.post("/admin/policies", refusedForm);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#policy-custom-fields .field-error").text())
                .contains("must be one of Basic, Business");
        assertThat(admin().get("/api/v1/sla/policies")
                        .json()
                        .valueStream()
                        .map(p -> p.get("name").asString()))
                .doesNotContain(name);

        var form = policy(name, calendar, "60");
        form.put("customFields[" + plan + "]", "Business");
        var saved = browser.post("/admin/policies", form);

        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        assertThat(policyNamed(name)
                        .get("conditions")
                        .get("customFields")
                        .get(plan)
                        .asString())
                .isEqualTo("Business");
        var page = browser.get(java.net.URI.create(saved.location()).getPath()).html();
        assertThat(page.select("#policy-field-" + plan + " option[selected]").text())
                .isEqualTo("Business");
        admin().delete("/api/v1/fields/" + field.json().get("id").asString());
    }

    @Test
    void aPolicyMatchesOnACustomerFieldChosenOnThePageAndAValueTheFieldDoesNotAllowIsRefusedBesideIt() {
        var calendar = SlaFixture.alwaysOpenCalendar(admin());
        String tier = "tier_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var field = admin().post(
                        "/api/v1/fields",
                        Map.of(
                                "subject",
                                "customer",
                                "name",
                                "Tier",
                                "apiKey",
                                tier,
                                "type",
                                "dropdown",
                                "options",
                                java.util.List.of("Bronze", "Gold")));
        assertThat(field.status()).as(field.toString()).isEqualTo(201);
        var empty = browser.get("/admin/policies/new").html();
        assertThat(empty.select("#policy-customer-field-" + tier + " option").eachText())
                .contains("Any", "Bronze", "Gold");
        assertThat(empty.select("#policy-custom-fields #policy-field-" + tier)).isEmpty();

        String name = "Gold customers " + UUID.randomUUID();
        var refusedForm = policy(name, calendar, "60");
        refusedForm.put("customerFields[" + tier + "]", "Platinum");
        var refused = browser.post("/admin/policies", refusedForm);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#policy-customer-fields .field-error").text())
                .contains("must be one of Bronze, Gold");
        assertThat(admin().get("/api/v1/sla/policies")
                        .json()
                        .valueStream()
                        .map(p -> p.get("name").asString()))
                .doesNotContain(name);

        var form = policy(name, calendar, "60");
        form.put("customerFields[" + tier + "]", "Gold");
        var saved = browser.post("/admin/policies", form);

        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        assertThat(policyNamed(name)
                        .get("conditions")
                        .get("customerFields")
                        .get(tier)
                        .asString())
                .isEqualTo("Gold");
        var page = browser.get(java.net.URI.create(saved.location()).getPath()).html();
        assertThat(page.select("#policy-customer-field-" + tier + " option[selected]")
                        .text())
                .isEqualTo("Gold");
        admin().delete("/api/v1/fields/" + field.json().get("id").asString());
    }

    @Test
    void badTargetsAndCheckInAreRefusedBesideTheirFieldsAndNothingIsSaved() {
        var calendar = SlaFixture.alwaysOpenCalendar(admin());
        String name = "Bad " + UUID.randomUUID();
        browser.get("/admin/policies/new");
        var form = policy(name, calendar, "soon");
        form.put("checkinDays", "400");

        var refused = browser.post("/admin/policies", form);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#target-urgent-first-error").text())
                .isEqualTo("A whole number of minutes, more than zero.");
        assertThat(refused.html().select("#target-urgent-first").val()).isEqualTo("soon");
        assertThat(refused.html().select("#policy-checkin-error").text()).startsWith("A number of business days");
        assertThat(admin().get("/api/v1/sla/policies")
                        .json()
                        .valueStream()
                        .map(p -> p.get("name").asString()))
                .doesNotContain(name);
    }

    @Test
    void aPolicyNameInUseIsRefusedBesideTheName() {
        var calendar = SlaFixture.alwaysOpenCalendar(admin());
        String name = "Twice " + UUID.randomUUID();
        browser.get("/admin/policies/new");
        assertThat(browser.post("/admin/policies", policy(name, calendar, "60")).status())
                .isEqualTo(302);
        browser.get("/admin/policies/new");

        var refused = browser.post("/admin/policies", policy(name, calendar, "60"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#policy-name-error").text()).contains("already exists");
    }

    private static Map<String, String> calendar(String name, String zone, String weekdays, String holidays) {
        var form = new HashMap<String, String>();
        form.put("name", name);
        form.put("zone", zone);
        for (var day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday"}) {
            form.put("hours[" + day + "]", weekdays);
        }
        form.put("hours[saturday]", "");
        form.put("hours[sunday]", "");
        form.put("holidays", holidays);
        return form;
    }

    private static Map<String, String> policy(String name, UUID calendar, String urgentFirst) {
        var form = new LinkedHashMap<String, String>();
        form.put("name", name);
        form.put("position", "5");
        form.put("calendarId", calendar.toString());
        for (var p : new String[] {"low", "normal", "high", "urgent"}) {
            form.put("targets[" + p + "-first]", "120");
            form.put("targets[" + p + "-next]", "120");
            form.put("targets[" + p + "-resolution]", "960");
        }
        form.put("targets[urgent-first]", urgentFirst);
        return form;
    }

    private JsonNode calendarNamed(String name) {
        return admin().get("/api/v1/sla/calendars")
                .json()
                .valueStream()
                .filter(c -> c.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private JsonNode policyNamed(String name) {
        return admin().get("/api/v1/sla/policies")
                .json()
                .valueStream()
                .filter(p -> p.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
