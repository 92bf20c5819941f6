package dev.casekeeper.agents.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admins add and rename teams and choose their members. */
class AdminTeamsPageTests extends ApiTestBase {

    private WebSession admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
    }

    @Test
    void anAdminAddsATeamAndItsMembers() {
        var agent = newAgent("agent");
        String name = "Returns " + UUID.randomUUID();
        admin.get("/admin/teams");

        var created = admin.post("/admin/teams", Map.of("name", name));
        String teamPath = created.location().replaceFirst("^https?://[^/]+", "");
        admin.get(teamPath);
        var added =
                admin.post(teamPath + "/members", Map.of("agentId", agent.id().toString()));

        assertThat(teamPath).matches("/admin/teams/[0-9a-f-]{36}");
        assertThat(added.location()).endsWith(teamPath);
        var page = admin.get(teamPath);
        assertThat(page.html().select("#members li[data-member=" + agent.id() + "]"))
                .hasSize(1);
        assertThat(admin().get("/api/v1/agents/" + agent.id())
                        .json()
                        .get("teamIds")
                        .get(0)
                        .asString())
                .isEqualTo(teamPath.substring("/admin/teams/".length()));
        assertThat(admin.get("/admin/teams").html().select("#teams a:contains(" + name + ")"))
                .hasSize(1);
    }

    @Test
    void aTakenNameIsRefusedBesideTheFieldAndKeptAsTyped() {
        String name = "Billing " + UUID.randomUUID();
        admin().post("/api/v1/teams", Map.of("name", name));
        admin.get("/admin/teams");

        var refused = admin.post("/admin/teams", Map.of("name", name.toUpperCase()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#team-name-error").text())
                .isEqualTo("A team named " + name.toUpperCase() + " already exists");
        assertThat(refused.html().select("#team-name").attr("value")).isEqualTo(name.toUpperCase());
    }

    @Test
    void aBlankNameIsRefused() {
        admin.get("/admin/teams");

        var refused = admin.post("/admin/teams", Map.of("name", "  "));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#team-name-error").text()).isEqualTo("Enter a name for the team.");
    }

    @Test
    void anAdminRenamesATeamButNotToAnotherTeamsName() {
        UUID team = newTeam();
        String other = "Escalations " + UUID.randomUUID();
        admin().post("/api/v1/teams", Map.of("name", other));
        String renamed = "Renamed " + UUID.randomUUID();
        admin.get("/admin/teams/" + team);

        var refused = admin.post("/admin/teams/" + team, Map.of("name", other));
        var saved = admin.post("/admin/teams/" + team, Map.of("name", renamed));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#team-name").attr("value")).isEqualTo(other);
        assertThat(saved.location()).endsWith("/admin/teams/" + team);
        assertThat(admin().get("/api/v1/teams/" + team).json().get("name").asString())
                .isEqualTo(renamed);
    }

    @Test
    void anAdminRemovesAMember() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        admin.get("/admin/teams/" + team);

        admin.post("/admin/teams/" + team + "/members/" + agent.id() + "/removal", Map.of());

        assertThat(admin().get("/api/v1/teams/" + team).json().get("memberIds").isEmpty())
                .isTrue();
        assertThat(admin.get("/admin/teams/" + team).html().select("#members li[data-member]"))
                .isEmpty();
    }

    @Test
    void addingNobodyAsAMemberSaysWhom() {
        UUID team = newTeam();
        admin.get("/admin/teams/" + team);

        var refused = admin.post("/admin/teams/" + team + "/members", Map.of("agentId", ""));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#member-error").text()).isEqualTo("Choose an agent to add.");
    }
}
