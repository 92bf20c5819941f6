package dev.casekeeper.channels.email.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Admins list, add and change mailboxes on the admin pages; passwords go in and never come back out. */
class MailboxAdminPageTests extends ApiTestBase {

    private static final String IMAP_PASSWORD = "imap-Pässword-" + UUID.randomUUID();
    private static final String SMTP_PASSWORD = "smtp-Pässword-" + UUID.randomUUID();

    @Autowired
    JdbcClient jdbc;

    private WebSession admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
    }

    /** These mailboxes point at IMAP servers that do not exist: they must not be polled for the rest of the run. */
    @AfterEach
    void stopPollingImapMailboxes() {
        jdbc.sql("update email.mailbox set active = false where inbound_mode = 'imap'")
                .update();
    }

    @Test
    void anAdminAddsAnImapMailboxAndNeitherPasswordIsEverOnThePage() {
        UUID team = newTeam();
        String address = unique("help");
        admin.get("/admin/mailboxes/new");

        var created = admin.post("/admin/mailboxes", imapForm(address, team));

        assertThat(created.status()).as(refusals(created)).isEqualTo(302);
        String path = created.location().replaceFirst("^https?://[^/]+", "");
        assertThat(path).matches("/admin/mailboxes/[0-9a-f-]{36}");
        var page = admin.get(path);
        assertThat(page.body()).doesNotContain(IMAP_PASSWORD).doesNotContain(SMTP_PASSWORD);
        assertThat(page.html().select("#imapPassword").attr("value")).isEmpty();
        assertThat(page.html().select("#imapPassword-hint").attr("data-password"))
                .isEqualTo("set");
        assertThat(page.html().select("#smtpPassword-hint").attr("data-password"))
                .isEqualTo("set");
        assertThat(page.html().select("#imapHost").attr("value")).isEqualTo("imap.example.com");
        var stored = admin().get("/api/v1/mailboxes/" + path.substring("/admin/mailboxes/".length()))
                .json();
        assertThat(stored.get("inbound").get("mode").asString()).isEqualTo("imap");
        assertThat(stored.get("inbound").get("passwordSet").asBoolean()).isTrue();
        assertThat(stored.get("outbound").get("port").asInt()).isEqualTo(587);
        assertThat(stored.get("teamId").asString()).isEqualTo(team.toString());
        var list = admin.get("/admin/mailboxes");
        var row = list.html().select("#mailboxes tr:has(a:contains(" + address + "))");
        assertThat(row.text()).contains("IMAP polling", "imap.example.com", "Active");
        assertThat(list.body()).doesNotContain(IMAP_PASSWORD).doesNotContain(SMTP_PASSWORD);
    }

    @Test
    void anEmptyPasswordFieldKeepsTheStoredPassword() {
        String address = unique("keep");
        admin.get("/admin/mailboxes/new");
        var created = admin.post("/admin/mailboxes", imapForm(address, null));
        assertThat(created.status()).as(refusals(created)).isEqualTo(302);
        String path = created.location().replaceFirst("^https?://[^/]+", "");
        UUID id = UUID.fromString(path.substring("/admin/mailboxes/".length()));
        String sealedBefore = sealedImapPassword(id);
        var form = imapForm(address, null);
        form.put("name", "Renamed Support");
        form.put("imapPassword", "");
        form.put("smtpPassword", "");
        admin.get(path);

        var saved = admin.post(path, form);

        assertThat(saved.status()).as(refusals(saved)).isEqualTo(302);
        assertThat(sealedImapPassword(id)).isEqualTo(sealedBefore);
        var stored = admin().get("/api/v1/mailboxes/" + id).json();
        assertThat(stored.get("name").asString()).isEqualTo("Renamed Support");
        assertThat(stored.get("outbound").get("passwordSet").asBoolean()).isTrue();
    }

    @Test
    void aRefusedFormSaysWhyBesideEachFieldChangesNothingAndForgetsThePasswords() {
        admin.get("/admin/mailboxes/new");
        var form = imapForm("not an address", null);
        form.put("imapHost", "");
        form.put("smtpPort", "port");

        var refused = admin.post("/admin/mailboxes", form);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#imapHost-error").text())
                .isEqualTo("Enter the IMAP server for IMAP polling.");
        assertThat(refused.html().select("#smtpPort-error").text()).isEqualTo("Enter a port between 1 and 65535.");
        assertThat(refused.html().select("#address").attr("value")).isEqualTo("not an address");
        assertThat(refused.body()).doesNotContain(IMAP_PASSWORD).doesNotContain(SMTP_PASSWORD);
        assertThat(mailboxesAt("not an address")).isZero();
    }

    @Test
    void anAddressTheFacadeRefusesIsShownBesideTheAddress() {
        admin.get("/admin/mailboxes/new");

        var refused = admin.post("/admin/mailboxes", imapForm("support+sales@desk.example.com", null));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#address-error").text()).contains("a '+' is not allowed");
        assertThat(refused.body()).doesNotContain(IMAP_PASSWORD).doesNotContain(SMTP_PASSWORD);
        assertThat(mailboxesAt("support+sales@desk.example.com")).isZero();
    }

    @Test
    void anAddressAnotherMailboxHasIsRefusedBesideTheAddress() {
        String address = unique("taken");
        admin().post("/api/v1/mailboxes", Map.of("address", address, "inbound", Map.of("mode", "smtp")));
        admin.get("/admin/mailboxes/new");

        var refused =
                admin.post("/admin/mailboxes", Map.of("address", address, "inboundMode", "smtp", "active", "true"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#address-error").text())
                .isEqualTo("Another mailbox already receives mail for " + address);
    }

    @Test
    void anAdminDeactivatesAMailbox() {
        String address = unique("old");
        var created = admin().post("/api/v1/mailboxes", Map.of("address", address, "inbound", Map.of("mode", "smtp")));
        String id = created.json().get("id").asString();
        admin.get("/admin/mailboxes/" + id);

        var saved = admin.post(
                "/admin/mailboxes/" + id, Map.of("address", address, "inboundMode", "smtp", "_active", "on"));

        assertThat(saved.status()).as(refusals(saved)).isEqualTo(302);
        assertThat(admin().get("/api/v1/mailboxes/" + id).json().get("active").asBoolean())
                .isFalse();
        assertThat(admin.get("/admin/mailboxes")
                        .html()
                        .select("#mailboxes tr[data-mailbox=" + id + "]")
                        .text())
                .contains("Inactive");
    }

    @Test
    void agentsAndSupervisorsAreRefused() {
        var agent = WebSession.anonymous(port).signIn(newAgent("agent").email(), PASSWORD);
        var supervisor =
                WebSession.anonymous(port).signIn(newAgent("supervisor").email(), PASSWORD);

        assertThat(agent.get("/admin/mailboxes").status()).isEqualTo(403);
        assertThat(supervisor.get("/admin/mailboxes/new").status()).isEqualTo(403);
        supervisor.get("/account");
        assertThat(supervisor
                        .post("/admin/mailboxes", Map.of("address", unique("nope"), "inboundMode", "smtp"))
                        .status())
                .isEqualTo(403);
    }

    private static Map<String, String> imapForm(String address, UUID team) {
        var form = new LinkedHashMap<String, String>();
        form.put("address", address);
        form.put("name", "Help Desk");
        form.put("teamId", team == null ? "" : team.toString());
        form.put("active", "true");
        form.put("inboundMode", "imap");
        form.put("imapHost", "imap.example.com");
        form.put("imapPort", "");
        form.put("imapSecurity", "tls");
        form.put("imapUsername", "help@example.com");
        form.put("imapPassword", IMAP_PASSWORD);
        form.put("imapFolder", "INBOX");
        form.put("smtpHost", "smtp.example.com");
        form.put("smtpSecurity", "starttls");
        form.put("smtpUsername", "help@example.com");
        form.put("smtpPassword", SMTP_PASSWORD);
        return form;
    }

    /** What a refused form says, so that a failing test tells why. */
    private static String refusals(WebSession.Page page) {
        return page.status() + " "
                + page.html().select(".field-error, .form-error").eachText();
    }

    private long mailboxesAt(String address) {
        return jdbc.sql("select count(*) from email.mailbox where address = ?")
                .param(address)
                .query(Long.class)
                .single();
    }

    private String sealedImapPassword(UUID id) {
        return jdbc.sql("select imap_password from email.mailbox where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@desk.example.com";
    }
}
