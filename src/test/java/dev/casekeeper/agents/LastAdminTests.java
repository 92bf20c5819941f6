package dev.casekeeper.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.CasekeeperApplication;
import dev.casekeeper.support.Api;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** A desk always keeps one active admin: nobody can lock everyone out of administration. */
class LastAdminTests {

    @TempDir
    Path dataDir;

    @Test
    void refusesToDemoteOrDeactivateTheLastActiveAdmin() {
        try (var app = new SpringApplicationBuilder(CasekeeperApplication.class)
                .run(
                        "--casekeeper.data-dir=" + dataDir,
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--casekeeper.admin.email=only@admin.test",
                        "--casekeeper.admin.password=only-admin-password")) {
            var api = Api.anonymous(
                    ((WebServerApplicationContext) app).getWebServer().getPort());
            var token = api.withBasic("only@admin.test", "only-admin-password").post("/api/v1/tokens", null);
            var admin = api.withToken(token.json().get("token").asString());
            String id = admin.get("/api/v1/agents/me").json().get("id").asString();

            var deactivate = admin.patch("/api/v1/agents/" + id, Map.of("active", false));
            var demote = admin.patch("/api/v1/agents/" + id, Map.of("role", "agent"));

            assertThat(deactivate.status()).isEqualTo(409);
            assertThat(deactivate.json().get("code").asString()).isEqualTo("last-admin");
            assertThat(demote.status()).isEqualTo(409);
            var me = admin.get("/api/v1/agents/me").json();
            assertThat(me.get("role").asString()).isEqualTo("admin");
            assertThat(me.get("active").asBoolean()).isTrue();

            var second = admin.post(
                    "/api/v1/agents",
                    Map.of(
                            "email",
                            "second@admin.test",
                            "name",
                            "Second",
                            "password",
                            "second-admin-password",
                            "role",
                            "admin"));
            assertThat(second.status()).isEqualTo(201);
            assertThat(admin.patch("/api/v1/agents/" + id, Map.of("role", "supervisor"))
                            .status())
                    .isEqualTo(200);
        }
    }
}
