package dev.casekeeper.channels.email.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The block list's admin page: add, refuse nonsense beside the field, remove; agents are kept out. */
class BlockListAdminPageTests extends ApiTestBase {

    @Test
    void anAdminBlocksADomainAndUnblocksItAndNonsenseIsRefusedBesideTheField() {
        var admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
        admin.get("/admin/blocked");
        String domain = "b" + UUID.randomUUID().toString().substring(0, 8) + ".example";

        var added = admin.post("/admin/blocked", Map.of("value", domain));
        var page = admin.get("/admin/blocked");

        assertThat(added.status()).isEqualTo(302);
        assertThat(page.html().select("#notice-saved").text()).isEqualTo("The sender is blocked.");
        assertThat(page.html().select("#blocked-senders").text()).contains(domain, "Domain");
        assertThat(page.html().select("#admin-tab-blocked").hasClass("active")).isTrue();

        var refused = admin.post("/admin/blocked", Map.of("value", "not a sender"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#block-value").val()).isEqualTo("not a sender");
        assertThat(refused.html().select("#block-value-error").text())
                .isEqualTo("Type an email address or a domain, such as example.com.");

        var row = page.html()
                .select("#blocked-senders tr:contains(" + domain + ") form")
                .attr("action");
        admin.post(row, Map.of());
        assertThat(admin.get("/admin/blocked").html().select("#blocked-senders").text())
                .doesNotContain(domain);
    }

    @Test
    void anAgentMayNotOpenTheBlockList() {
        var agent = WebSession.anonymous(port).signIn(newAgent("agent").email(), PASSWORD);

        assertThat(agent.get("/admin/blocked").status()).isEqualTo(403);
        assertThat(agent.post("/admin/blocked", Map.of("value", "example.com")).status())
                .isEqualTo(403);
    }
}
