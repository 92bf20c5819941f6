package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IMAP mailboxes are polled on GreenMail as the real IMAP server; messages are marked only once stored. */
class ImapPollingTests extends EmailTestBase {

    static final GreenMail greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());

    @BeforeAll
    static void startMailServer() {
        greenMail.start();
    }

    @AfterAll
    static void stopMailServer() {
        greenMail.stop();
    }

    @Test
    void fetchesUnseenMailAndMarksItSeenOnceStored() throws Exception {
        var account = account();
        String marker = marker();
        put(account, plain("maria@example.org", account.getEmail(), "By IMAP " + marker, "Fetched, not pushed"));
        imapMailbox(account, null);

        var kase = awaitCase(marker);

        assertThat(firstMessage(kase).get("body").asString()).isEqualTo("Fetched, not pushed");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(inbox(account))
                        .singleElement()
                        .satisfies(m -> assertThat(m.getFlags().contains(Flags.Flag.SEEN))
                                .isTrue()));
    }

    @Test
    void movesFetchedMailToTheProcessedFolder() throws Exception {
        var account = account();
        String marker = marker();
        put(account, plain("maria@example.org", account.getEmail(), "Move me " + marker, "Hello"));
        imapMailbox(account, "Casekeeper/Processed");

        awaitCase(marker);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(inbox(account)).isEmpty();
            assertThat(greenMail
                            .getManagers()
                            .getImapHostManager()
                            .getFolder(account, "Casekeeper/Processed")
                            .getMessageCount())
                    .isEqualTo(1);
        });
    }

    @Test
    void theSameMessageFoundTwiceIsStoredOnce() throws Exception {
        var account = account();
        String marker = marker();
        String raw = plain("maria@example.org", account.getEmail(), "Twice by IMAP " + marker, "Once is enough");
        put(account, raw);
        put(account, raw);
        var mailbox = imapMailbox(account, null);

        awaitCase(marker);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(inbox(account))
                        .allSatisfy(m -> assertThat(m.getFlags().contains(Flags.Flag.SEEN))
                                .isTrue()));

        assertThat(jdbc.sql("select count(*) from email.inbound_message where mailbox_id = :m")
                        .param("m", mailbox.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsShownOnTheMailbox() {
        var account = account();
        var body = new LinkedHashMap<String, Object>();
        body.put("address", "imap-" + UUID.randomUUID().toString().substring(0, 8) + "@desk.example.com");
        body.put(
                "inbound",
                Map.of(
                        "mode",
                        "imap",
                        "host",
                        "localhost",
                        "port",
                        greenMail.getImap().getPort(),
                        "security",
                        "none",
                        "username",
                        account.getLogin(),
                        "password",
                        "wrong"));
        String id = admin().post("/api/v1/mailboxes", body).json().get("id").asString();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(admin().get("/api/v1/mailboxes/" + id)
                                .json()
                                .get("inbound")
                                .get("lastError")
                                .asString())
                        .isNotBlank());
    }

    private GreenMailUser account() {
        String login = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        return greenMail.setUser(login + "@imap.example.com", login, "imap-password");
    }

    private TestMailbox imapMailbox(GreenMailUser account, String processedFolder) {
        var inbound = new LinkedHashMap<String, Object>();
        inbound.put("mode", "imap");
        inbound.put("host", "localhost");
        inbound.put("port", greenMail.getImap().getPort());
        inbound.put("security", "none");
        inbound.put("username", account.getLogin());
        inbound.put("password", "imap-password");
        if (processedFolder != null) {
            inbound.put("processedFolder", processedFolder);
        }
        var created = admin().post("/api/v1/mailboxes", Map.of("address", account.getEmail(), "inbound", inbound));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new TestMailbox(UUID.fromString(created.json().get("id").asString()), account.getEmail());
    }

    private static void put(GreenMailUser account, String raw) throws Exception {
        account.deliver(new MimeMessage(
                GreenMailUtil.getSession(greenMail.getImap().getServerSetup()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<StoredMessage> inbox(GreenMailUser account) throws Exception {
        return greenMail.getManagers().getImapHostManager().getInbox(account).getMessages();
    }
}
