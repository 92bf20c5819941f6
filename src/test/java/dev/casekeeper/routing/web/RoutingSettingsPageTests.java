package dev.casekeeper.routing.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.HeadlessChromium;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Routing settings from pages: a supervisor sets an agent's skills and capacities and a team's
 * overflow, bad values are refused beside the row and change nothing, and an agent is refused the
 * page and its forms.
 */
class RoutingSettingsPageTests extends ApiTestBase {

    private WebSession signedIn(Caller who) {
        return WebSession.anonymous(port).signIn(who.email(), PASSWORD);
    }

    @Test
    void aSupervisorSetsAnAgentsSkillsAndCapacitiesInChromium() {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Browser tests need chromium");
        var team = newTeam();
        var alex = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var browser = HeadlessChromium.start();
        try {
            var wait = HeadlessChromium.waitFor(browser);
            HeadlessChromium.signIn(browser, port, supervisor.email(), PASSWORD);
            browser.findElement(By.id("view-routing-settings")).click();
            wait.until(ExpectedConditions.urlContains("/supervisor/routing"));
            HeadlessChromium.assertAccessible(browser);
            var skills = browser.findElement(By.id("skills-" + alex.id()));
            skills.clear();
            skills.sendKeys("fr, routers");
            var chat = browser.findElement(By.id("chat-" + alex.id()));
            chat.clear();
            chat.sendKeys("2");
            browser.findElement(By.cssSelector("#agent-" + alex.id() + " button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("routing-saved")));

            var routing = admin().get("/api/v1/routing/agents/" + alex.id()).json();
            assertThat(routing.get("skills").toString()).contains("fr", "routers");
            assertThat(routing.get("chatCapacity").asInt()).isEqualTo(2);

            var other = newTeam();
            browser.navigate().refresh();
            new Select(browser.findElement(By.id("overflow-" + team))).selectByValue(other.toString());
            browser.findElement(By.id("after-" + team)).sendKeys("120");
            browser.findElement(By.cssSelector("#team-" + team + " button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("routing-saved")));
            var overflow = admin().get("/api/v1/routing/teams/" + team).json();
            assertThat(overflow.get("overflowTeamId").asString()).isEqualTo(other.toString());
            assertThat(overflow.get("overflowAfterSeconds").asLong()).isEqualTo(120);
        } finally {
            browser.quit();
        }
    }

    @Test
    void badValuesAreRefusedBesideTheRowAndChangeNothing() {
        var team = newTeam();
        var alex = newAgent("agent", team);
        var supervisor = signedIn(newAgent("supervisor", team));
        supervisor.get("/supervisor/routing");

        var refused = supervisor.post(
                "/supervisor/routing/agents/" + alex.id(),
                Map.of("skills", "fr", "chatCapacity", "500", "emailCapacity", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("#agent-" + alex.id() + " .form-error").text())
                .contains("between 0 and 100");
        var notNumber =
                supervisor.post("/supervisor/routing/agents/" + alex.id(), Map.of("skills", "", "chatCapacity", "two"));
        assertThat(notNumber.status()).isEqualTo(400);
        var badSkill = supervisor.post(
                "/supervisor/routing/agents/" + alex.id(), Map.of("skills", "fr, no spaces!", "chatCapacity", "1"));
        assertThat(badSkill.status()).isEqualTo(400);
        var ownTeam = supervisor.post(
                "/supervisor/routing/teams/" + team,
                Map.of("overflowTeamId", team.toString(), "overflowAfterSeconds", "60"));
        assertThat(ownTeam.status()).isEqualTo(400);
        var half = supervisor.post(
                "/supervisor/routing/teams/" + team, Map.of("overflowTeamId", "", "overflowAfterSeconds", "60"));
        assertThat(half.status()).isEqualTo(400);

        var routing = admin().get("/api/v1/routing/agents/" + alex.id()).json();
        assertThat(routing.get("skills").size()).isZero();
        assertThat(routing.get("chatCapacity").asInt()).isNotEqualTo(500).isNotEqualTo(1);
        assertThat(admin().get("/api/v1/routing/teams/" + team)
                        .json()
                        .get("overflowTeamId")
                        .isNull())
                .isTrue();
    }

    @Test
    void aSupervisorChangesOnlyTheOverflowOfTheirOwnTeams() {
        var team = newTeam();
        var others = newTeam();
        var supervisor = signedIn(newAgent("supervisor", team));

        var page = supervisor.get("/supervisor/routing").html();
        assertThat(page.select("form#team-" + team)).hasSize(1);
        assertThat(page.select("#team-" + others)).hasSize(1);
        assertThat(page.select("form#team-" + others)).isEmpty();

        var refused = supervisor.post(
                "/supervisor/routing/teams/" + others,
                Map.of("overflowTeamId", team.toString(), "overflowAfterSeconds", "60"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/routing/teams/" + others)
                        .json()
                        .get("overflowTeamId")
                        .isNull())
                .isTrue();
    }

    @Test
    void anAgentIsRefusedThePageAndItsForms() {
        var team = newTeam();
        var alex = newAgent("agent", team);
        var agent = signedIn(alex);
        agent.get("/");

        assertThat(agent.get("/supervisor/routing").status()).isEqualTo(403);
        assertThat(agent.post(
                                "/supervisor/routing/agents/" + alex.id(),
                                Map.of("skills", "everything", "chatCapacity", "100"))
                        .status())
                .isEqualTo(403);
        assertThat(agent.post(
                                "/supervisor/routing/teams/" + team,
                                Map.of("overflowTeamId", UUID.randomUUID().toString(), "overflowAfterSeconds", "1"))
                        .status())
                .isEqualTo(403);
        assertThat(admin().get("/api/v1/routing/agents/" + alex.id())
                        .json()
                        .get("skills")
                        .size())
                .isZero();
        assertThat(agent.get("/").html().select("#view-routing-settings")).isEmpty();
        assertThat(WebSession.anonymous(port).get("/supervisor/routing").status())
                .isEqualTo(302);
    }

    @Test
    void theAgentsPresenceControlSaysAwayMeansNoChats() {
        var team = newTeam();
        var agent = signedIn(newAgent("agent", team));
        agent.get("/");

        assertThat(agent.getPart("/routing/presence")
                        .html()
                        .select("#presence-hint")
                        .text())
                .isEqualTo("You get no chats or calls while Away: choose Available to take them.");
    }
}
