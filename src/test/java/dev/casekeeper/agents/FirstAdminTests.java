package dev.casekeeper.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The first start creates the configured admin (the test profile sets its email and password). */
class FirstAdminTests extends ApiTestBase {

    @Autowired
    FirstAdmin firstAdmin;

    @Autowired
    AgentManagement agents;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theConfiguredAdminExistsOnceAndSignsIn() {
        var admin = jdbc.sql("select role, active from agents.agent where email = :email")
                .param("email", ADMIN_EMAIL)
                .query()
                .listOfRows();

        assertThat(admin).singleElement().satisfies(row -> {
            assertThat(row.get("role")).isEqualTo("admin");
            assertThat(row.get("active")).isEqualTo(true);
        });
        var me = anonymous().withToken(tokenFor(ADMIN_EMAIL, ADMIN_PASSWORD)).get("/api/v1/agents/me");
        assertThat(me.json().get("role").asString()).isEqualTo("admin");
        assertThat(agentsWithEmail("admin@casekeeper.local")).isZero();
    }

    @Test
    void keepsTheConfiguredPasswordOnlyAsAnArgon2Hash() {
        String hash = jdbc.sql("select password_hash from agents.agent where email = :email")
                .param("email", ADMIN_EMAIL)
                .query(String.class)
                .single();

        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(ADMIN_PASSWORD);
    }

    @Test
    void runningAgainCreatesNoSecondAdmin() {
        long before = agentCount();

        firstAdmin.run(new DefaultApplicationArguments());

        assertThat(agentCount()).isEqualTo(before);
        assertThat(agentsWithEmail(ADMIN_EMAIL)).isEqualTo(1);
    }

    @Test
    void anotherNodeStartingWithOtherSettingsCreatesNoAdmin() {
        long before = agentCount();
        var otherNode = new FirstAdmin(agents, new AdminSettings("second-admin@casekeeper.test", null, null), transactions, jdbc);

        otherNode.run(new DefaultApplicationArguments());

        assertThat(agentCount()).isEqualTo(before);
        assertThat(agentsWithEmail("second-admin@casekeeper.test")).isZero();
    }

    private long agentCount() {
        return jdbc.sql("select count(*) from agents.agent").query(Long.class).single();
    }

    private long agentsWithEmail(String email) {
        return jdbc.sql("select count(*) from agents.agent where email = :email").param("email", email).query(Long.class).single();
    }
}
