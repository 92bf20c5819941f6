package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.support.WebSession;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A chat visitor who types her email address in the widget is mailed a link to confirm it; once she
 * opens it and confirms, her chat is linked: to the customer who has the address, or the address
 * becomes hers, verified. Until then nothing is linked.
 */
class ChatVisitorEmailTests extends ChatTestBase {

    private static final String PORTAL_MAILBOX = "portal@casekeeper.test";
    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern LINK =
            Pattern.compile("http://portal\\.casekeeper\\.test(/portal/verify/[A-Za-z0-9_-]+)");

    static {
        MAIL.start();
    }

    @Autowired
    CustomerManagement customers;

    @BeforeEach
    void portalMailGoesToGreenMail() {
        var body = Map.of(
                "address",
                PORTAL_MAILBOX,
                "name",
                "Example Support",
                "inbound",
                Map.of("mode", "smtp"),
                "outbound",
                Map.of("host", "localhost", "port", MAIL.getSmtp().getPort(), "security", "none"));
        var existing = admin().get("/api/v1/mailboxes")
                .json()
                .valueStream()
                .filter(m -> m.get("address").asString().equals(PORTAL_MAILBOX))
                .findFirst();
        var saved = existing.isPresent()
                ? admin().send(
                                "PUT",
                                "/api/v1/mailboxes/" + existing.get().get("id").asString(),
                                body)
                : admin().post("/api/v1/mailboxes", body);
        assertThat(saved.status()).as(saved.toString()).isIn(200, 201);
    }

    @Test
    void aVisitorWhoConfirmsTheEmailSheTypedIsLinkedToTheCustomerWhoHasIt() {
        var desk = desk();
        String email = "maria-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var known = customers.identifyByEmail(email, "Maria Lopez");
        String token;
        CaseId chatCase;
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "start", "name", "Maria", "email", email, "topic", "Activation key"));
            widget.next("started");
            widget.send(Map.of("type", "message", "id", "c-1", "text", "My activation key is gone."));
            widget.next("ack");
            chatCase = new CaseId(chatOf(token, desk).caseId());
        }
        var visitor = lookup.summary(chatCase).requesterId();
        assertThat(visitor).as("not linked before she confirms").isNotEqualTo(known);

        String link = link(awaitMail(email));
        var browser = WebSession.anonymous(port);
        var page = browser.get(link);
        assertThat(page.html().select("#content form button").text()).isEqualTo("Confirm my address");
        assertThat(lookup.summary(chatCase).requesterId())
                .as("opening the link is not confirming")
                .isEqualTo(visitor);
        var confirmed = browser.post("/portal/verify", Map.of("token", link.substring(link.lastIndexOf('/') + 1)));

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.html().select("#link-confirmed").text()).startsWith("Thank you");
        assertThat(lookup.summary(chatCase).requesterId()).isEqualTo(known);
        var customer = customers.find(known);
        assertThat(customer.identities())
                .anyMatch(i -> i.kind() == IdentityKind.CHAT && i.value().equals(VisitorTokens.digest(token)))
                .anyMatch(i -> i.kind() == IdentityKind.EMAIL && i.value().equals(email) && i.verified());
        assertThat(customers.find(visitor).mergedInto()).isEqualTo(known);
        assertThat(browser.post("/portal/verify", Map.of("token", link.substring(link.lastIndexOf('/') + 1)))
                        .status())
                .as("the link works once")
                .isEqualTo(400);
    }

    @Test
    void anAddressNobodyHasBecomesTheVisitorsOwnOnceConfirmed() {
        var desk = desk();
        String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String token;
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "start", "name", "Lee", "email", email, "topic", "Question"));
            widget.next("started");
        }
        CustomerId visitor = customers
                .findByIdentity(IdentityKind.CHAT, VisitorTokens.digest(token))
                .orElseThrow()
                .id();
        assertThat(customers.findByIdentity(IdentityKind.EMAIL, email)).isEmpty();

        String link = link(awaitMail(email));
        var browser = WebSession.anonymous(port);
        browser.get(link);
        browser.post("/portal/verify", Map.of("token", link.substring(link.lastIndexOf('/') + 1)));

        assertThat(customers.find(visitor).identities())
                .anyMatch(i -> i.kind() == IdentityKind.EMAIL && i.value().equals(email) && i.verified());
    }

    private static String link(MimeMessage mail) {
        var body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=\n", "");
        var matcher = LINK.matcher(body);
        assertThat(matcher.find()).as("a link in the mail: " + body).isTrue();
        return matcher.group(1);
    }

    private static MimeMessage awaitMail(String email) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !mailsTo(email).isEmpty());
        return mailsTo(email).getFirst();
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(email));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
