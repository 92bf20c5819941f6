package dev.casekeeper.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casekeeper.CasekeeperApplication;
import dev.casekeeper.support.ApiTestBase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The first start creates the configured admin (the test profile sets its email and password), unless its password is weak. */
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
        var otherNode = new FirstAdmin(
                agents, new AdminSettings("second-admin@casekeeper.test", null, null), transactions, jdbc);

        otherNode.run(new DefaultApplicationArguments());

        assertThat(agentCount()).isEqualTo(before);
        assertThat(agentsWithEmail("second-admin@casekeeper.test")).isZero();
    }

    @Test
    void refusesToStartWithACommonConfiguredPasswordSayingWhatToDo(@TempDir Path dataDir) {
        var start = new SpringApplicationBuilder(CasekeeperApplication.class);

        assertThatThrownBy(() -> start.run(
                        "--casekeeper.data-dir=" + dataDir,
                        "--server.port=0",
                        "--casekeeper.mail.smtp.port=0",
                        "--logging.level.root=OFF",
                        "--casekeeper.admin.email=first@casekeeper.test",
                        "--casekeeper.admin.password=Password2024!"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CASEKEEPER_ADMIN_PASSWORD")
                .hasMessageContaining("most common passwords")
                .hasMessageContaining("leave it unset");
    }

    private long agentCount() {
        return jdbc.sql("select count(*) from agents.agent").query(Long.class).single();
    }

    private long agentsWithEmail(String email) {
        return jdbc.sql("select count(*) from agents.agent where email = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }
}
