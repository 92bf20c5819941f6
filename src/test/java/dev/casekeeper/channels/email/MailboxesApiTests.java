package dev.casekeeper.channels.email;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.support.ApiTestBase;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MailboxesApiTests extends ApiTestBase {

    private static final String IMAP_PASSWORD = "imap-secret-Ünïcode-" + UUID.randomUUID();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecretBox secrets;

    @Autowired
    MailboxQueries queries;

    @Autowired
    SendingMailboxes sending;

    @Autowired
    AgentManagement agents;

    /** These mailboxes point at IMAP servers that do not exist: they must not be polled for the rest of the run. */
    @AfterEach
    void stopPollingImapMailboxes() {
        jdbc.sql("update email.mailbox set active = false where inbound_mode = 'imap'")
                .update();
    }

    @Test
    void adminCreatesAnImapMailboxWhosePasswordIsStoredEncryptedAndNeverShown() {
        UUID team = newTeam();
        String address = "Support-" + UUID.randomUUID() + "@Example.com";

        var created = admin().post("/api/v1/mailboxes", imapMailbox(address, team));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/v1/mailboxes/" + id);
        assertThat(created.json().get("address").asString()).isEqualTo(address.toLowerCase());
        assertThat(created.json().get("teamId").asString()).isEqualTo(team.toString());
        var inbound = created.json().get("inbound");
        assertThat(inbound.get("mode").asString()).isEqualTo("imap");
        assertThat(inbound.get("port").asInt()).isEqualTo(993);
        assertThat(inbound.get("security").asString()).isEqualTo("tls");
        assertThat(inbound.get("passwordSet").asBoolean()).isTrue();
        assertThat(created.json().get("outbound").get("passwordSet").asBoolean())
                .isTrue();
        assertThat(created.text())
                .doesNotContain(IMAP_PASSWORD)
                .doesNotContain("smtp-secret")
                .doesNotContain("\"password\"");

        var read = admin().get("/api/v1/mailboxes/" + id);
        assertThat(read.text()).doesNotContain(IMAP_PASSWORD).doesNotContain("\"password\"");
        assertThat(admin().get("/api/v1/mailboxes").text()).contains(id).doesNotContain(IMAP_PASSWORD);

        String stored = jdbc.sql("select imap_password from email.mailbox where id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain(IMAP_PASSWORD);
        var row = queries.find(UUID.fromString(id)).orElseThrow();
        assertThat(secrets.decrypt(stored, row.secretContext("imap_password"))).isEqualTo(IMAP_PASSWORD);
    }

    @Test
    void aPasswordSealedForOneMailboxDoesNotOpenForAnother() {
        var first = admin().post("/api/v1/mailboxes", imapMailbox("one-" + UUID.randomUUID() + "@example.com", null));
        var second = admin().post("/api/v1/mailboxes", imapMailbox("two-" + UUID.randomUUID() + "@example.com", null));
        var firstRow =
                queries.find(UUID.fromString(first.json().get("id").asString())).orElseThrow();
        var secondRow = queries.find(UUID.fromString(second.json().get("id").asString()))
                .orElseThrow();

        assertThatThrownBy(() -> secrets.decrypt(firstRow.imapPassword(), secondRow.secretContext("imap_password")))
                .isInstanceOf(SecretBox.SecretUnavailableException.class)
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void replacingTheSettingsWithoutAPasswordKeepsTheStoredOne() {
        var created =
                admin().post("/api/v1/mailboxes", imapMailbox("keep-" + UUID.randomUUID() + "@example.com", null));
        String id = created.json().get("id").asString();
        var body = imapMailbox(created.json().get("address").asString(), null);
        body.put("name", "Returns desk");
        ((Map<String, Object>) body.get("inbound")).remove("password");

        var replaced = admin().send("PUT", "/api/v1/mailboxes/" + id, body);

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("name").asString()).isEqualTo("Returns desk");
        assertThat(replaced.json().get("inbound").get("passwordSet").asBoolean())
                .isTrue();
        var row = queries.find(UUID.fromString(id)).orElseThrow();
        assertThat(secrets.decrypt(row.imapPassword(), row.secretContext("imap_password")))
                .isEqualTo(IMAP_PASSWORD);
    }

    @Test
    void anSmtpMailboxNeedsNoServerOfItsOwn() {
        var created = admin().post(
                        "/api/v1/mailboxes",
                        Map.of(
                                "address",
                                "help-" + UUID.randomUUID() + "@example.com",
                                "inbound",
                                Map.of("mode", "smtp")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("inbound").get("mode").asString()).isEqualTo("smtp");
        assertThat(created.json().get("outbound").isNull()).isTrue();
        assertThat(created.json().get("acknowledgement").get("enabled").asBoolean())
                .isFalse();
        assertThat(created.json().get("active").asBoolean()).isTrue();
    }

    @Test
    void refusesASecondMailboxForTheSameAddress() {
        String address = "billing-" + UUID.randomUUID() + "@example.com";
        assertThat(admin().post("/api/v1/mailboxes", smtpMailbox(address)).status())
                .isEqualTo(201);

        assertProblem(
                admin().post("/api/v1/mailboxes", smtpMailbox(address.toUpperCase())), 409, "mailbox-address-taken");
    }

    @Test
    void refusesAnImapMailboxWithoutItsServerNamingTheField() {
        var refused = admin().post(
                        "/api/v1/mailboxes",
                        Map.of(
                                "address",
                                "imap-" + UUID.randomUUID() + "@example.com",
                                "inbound",
                                Map.of("mode", "imap")));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("inbound.host");
    }

    @Test
    void refusesAnAddressWithAPlusBecausePlusMarksReplyTokens() {
        var refused = admin().post("/api/v1/mailboxes", smtpMailbox("support+x-" + UUID.randomUUID() + "@example.com"));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("address");
    }

    @Test
    void refusesAnUnknownTeamAndAnUnknownModeNamingTheFields() {
        var body = new LinkedHashMap<String, Object>(smtpMailbox("t-" + UUID.randomUUID() + "@example.com"));
        body.put("teamId", UUID.randomUUID());
        var unknownTeam = admin().post("/api/v1/mailboxes", body);
        var unknownMode = admin().post(
                        "/api/v1/mailboxes",
                        Map.of(
                                "address",
                                "m-" + UUID.randomUUID() + "@example.com",
                                "inbound",
                                Map.of("mode", "pop3")));

        assertProblem(unknownTeam, 400, "invalid-input");
        assertThat(fieldsNamed(unknownTeam)).containsExactly("teamId");
        assertProblem(unknownMode, 400, "invalid-input");
        assertThat(fieldsNamed(unknownMode)).containsExactly("inbound.mode");
    }

    @Test
    void refusesToStoreAPasswordWhenNoSecretKeyIsConfigured() {
        var noKey = new MailSettings(null, null, null, null, null, null, null, null);
        var management = new MailboxManagement(queries, new SecretBox(noKey), agents, sending, Clock.systemUTC());
        String address = "nokey-" + UUID.randomUUID() + "@example.com";
        var command = new SaveMailbox(
                address,
                null,
                null,
                InboundMode.IMAP,
                new SaveMailbox.ImapServer("imap.invalid", null, TransportSecurity.TLS, "user", "secret", null, null),
                null,
                Mailbox.Acknowledgement.OFF,
                true);

        assertThatThrownBy(() -> management.create(command))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("inbound.password"))
                .hasMessageContaining("casekeeper.mail.secret-key");
        assertThat(queries.findByAddress(address)).isEmpty();
    }

    @Test
    void answers404ForAMailboxNobodyHas() {
        assertProblem(admin().get("/api/v1/mailboxes/" + UUID.randomUUID()), 404, "not-found");
    }

    static Map<String, Object> smtpMailbox(String address) {
        return Map.of("address", address, "inbound", Map.of("mode", "smtp"));
    }

    private static Map<String, Object> imapMailbox(String address, UUID team) {
        var inbound = new LinkedHashMap<String, Object>();
        inbound.put("mode", "imap");
        inbound.put("host", "imap.invalid");
        inbound.put("username", "support");
        inbound.put("password", IMAP_PASSWORD);
        var body = new LinkedHashMap<String, Object>();
        body.put("address", address);
        if (team != null) {
            body.put("teamId", team);
        }
        body.put("inbound", inbound);
        body.put("outbound", Map.of("host", "smtp.invalid", "username", "support", "password", "smtp-secret"));
        return body;
    }
}
