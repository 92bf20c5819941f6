package dev.casekeeper.automations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The automations' admin pages and the macro picker's applying: an admin adds a trigger (a refused
 * value comes back beside its row), sees it listed and its dry-run, with the email it would send; an agent sees what a canned
 * response will change on the case and applies it from the picker.
 */
class AutomationsAdminPageTests extends ApiTestBase {

    @Test
    void anAdminAddsATriggerSeesARefusalBesideItsRowAndItsDryRun() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var kase = openCase(agent.api(), team, "Lamp arrived broken");
        long number =
                agent.api().get("/api/v1/cases/" + kase).json().get("number").asLong();
        var admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
        admin.get("/admin/automations/new?kind=trigger");
        String name = "Broken on arrival " + UUID.randomUUID().toString().substring(0, 8);
        var form = new java.util.HashMap<>(Map.of(
                "kind", "trigger",
                "name", name,
                "event", "customer_replied",
                "match", "all",
                "conditionField", "team",
                "conditionOp", "is",
                "conditionValue", team.toString(),
                "actionType", "set_priority",
                "actionValue", "sky-high"));

        var refused = admin.post("/admin/automations", form);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#automation-actions .field-error").text())
                .contains("low, normal, high, urgent");
        assertThat(refused.html().select("#automation-name").val()).isEqualTo(name);

        form.put("actionValue", "high");
        var added = admin.post("/admin/automations", form);

        assertThat(added.status()).as(added.toString()).isEqualTo(302);
        var list = admin.get("/admin/automations");
        assertThat(list.html().select("#triggers").text()).contains(name, "Disabled");
        String page = list.html().select("#triggers a:contains(" + name + ")").attr("href");
        var dryRun = admin.get(page + "/dry-run");
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.html().select("#dry-run").text()).contains("#" + number, "Lamp arrived broken");
        assertThat(admin.post(page + "/deletion", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void anAdminAddsAnEmailToTheCustomerSeesABadTemplateRefusedAndTheEmailInTheDryRun() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var kase = openCase(agent.api(), team, "Kettle leaks");
        long number =
                agent.api().get("/api/v1/cases/" + kase).json().get("number").asLong();
        var admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
        var editor = admin.get("/admin/automations/new?kind=trigger");
        assertThat(editor.html()
                        .select("#action-type-0 option[value=send_email]")
                        .text())
                .isEqualTo("Email the customer");
        assertThat(editor.html().select("#automation-email-hint").text()).contains("{{customer.name}}");
        String name = "Kettle answer " + UUID.randomUUID().toString().substring(0, 8);
        var form = new java.util.HashMap<>(Map.of(
                "kind", "trigger",
                "name", name,
                "event", "case_opened",
                "match", "all",
                "conditionField", "team",
                "conditionOp", "is",
                "conditionValue", team.toString(),
                "actionType", "send_email",
                "actionValue", "Dear {{customer.nmae}}"));

        var refused = admin.post("/admin/automations", form);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#automation-actions .field-error").text())
                .contains("unknown placeholder {{customer.nmae}}");
        assertThat(refused.html().select("#action-value-0").val()).isEqualTo("Dear {{customer.nmae}}");
        assertThat(admin.get("/admin/automations").html().select("#triggers").text())
                .doesNotContain(name);

        // One row posted, as a browser posts four: a lone value with a comma would be split into rows.
        form.put("actionValue", "Dear {{customer.name}}\nwe are on case #{{case.number}}.");
        var added = admin.post("/admin/automations", form);

        assertThat(added.status()).as(added.toString()).isEqualTo(302);
        String page = admin.get("/admin/automations")
                .html()
                .select("#triggers a:contains(" + name + ")")
                .attr("href");
        var dryRun = admin.get(page + "/dry-run");
        assertThat(dryRun.html()
                        .select("#dry-run tr[data-case=" + kase + "] .dry-run-email")
                        .text())
                .isEqualTo("Dear Maria Lopez we are on case #" + number + ".");
        assertThat(admin.post(page + "/deletion", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void anAgentSeesWhatACannedResponseChangesAndAppliesItFromThePicker() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        String name = "Awaiting photos " + UUID.randomUUID().toString().substring(0, 8);
        var macro = admin().post(
                        "/api/v1/macros",
                        Map.of(
                                "name",
                                name,
                                "body",
                                "Could you send a photo of the damage?",
                                "actions",
                                Map.of("status", "pending", "addTags", List.of("photos"))))
                .json()
                .get("id")
                .asString();
        var kase = openCase(agent.api(), team, "Scratched table top");
        long number =
                agent.api().get("/api/v1/cases/" + kase).json().get("number").asLong();
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/cases/" + number);

        var picker = browser.getPart("/cases/" + number + "/macros?q=" + name.replace(" ", "%20"));

        assertThat(picker.html().select(".macro-changes").text())
                .contains("Status: new → pending", "Tags: none → photos");

        var applied = browser.postPart("/cases/" + number + "/macros/" + macro + "/application", Map.of());

        assertThat(applied.header("HX-Redirect")).isEqualTo("/cases/" + number);
        var after = agent.api().get("/api/v1/cases/" + kase).json();
        assertThat(after.get("status").asString()).isEqualTo("pending");
        assertThat(after.get("tags").get(0).asString()).isEqualTo("photos");
    }
}
