package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;

/**
 * Portal tests: one GreenMail for the test JVM as the SMTP server of the mailbox sign-in mail leaves
 * from ({@code casekeeper.portal.mail-from} in the test settings), customers made through the API,
 * and browsers without the browser that come from an address of their own, so the limits per client
 * address of one test never reach another's.
 */
abstract class PortalTestBase extends ApiTestBase {

    static final String MAIL_FROM = "portal@casekeeper.test";
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern LINK = Pattern.compile("(/portal/sign-in/link/[A-Za-z0-9_-]+)");

    static {
        MAIL.start();
    }

    /** A customer with one email address, and an API client of an admin. */
    record TestCustomer(UUID id, String email) {}

    @BeforeEach
    void portalMailboxSendsToGreenMail() {
        var body = Map.of(
                "address",
                MAIL_FROM,
                "name",
                "Example Support",
                "inbound",
                Map.of("mode", "smtp"),
                "outbound",
                Map.of("host", "localhost", "port", MAIL.getSmtp().getPort(), "security", "none"));
        var existing = admin().get("/api/v1/mailboxes")
                .json()
                .valueStream()
                .filter(m -> m.get("address").asString().equals(MAIL_FROM))
                .findFirst();
        var saved = existing.isPresent()
                ? admin().send(
                                "PUT",
                                "/api/v1/mailboxes/" + existing.get().get("id").asString(),
                                body)
                : admin().post("/api/v1/mailboxes", body);
        assertThat(saved.status()).as(saved.toString()).isIn(200, 201);
    }

    TestCustomer newCustomer(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var created = admin().post("/api/v1/customers", Map.of("displayName", name, "emails", List.of(email)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new TestCustomer(UUID.fromString(created.json().get("id").asString()), email);
    }

    /** Opens a case for the customer through the API; its id and number. */
    Map.Entry<UUID, Long> openCaseFor(TestCustomer customer, String subject, String body) {
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject", subject,
                                "requester", Map.of("email", customer.email()),
                                "message", Map.of("body", body)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Map.entry(
                UUID.fromString(created.json().get("id").asString()),
                created.json().get("number").asLong());
    }

    /** A browser without the browser, from a loopback address of its own. */
    WebSession browser() {
        var random = ThreadLocalRandom.current();
        return WebSession.from(
                port, "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 255) + "." + random.nextInt(1, 255));
    }

    /** Asks for a code for the address; the page it lands on. */
    WebSession.Page askForCode(WebSession session, String email) {
        session.get("/portal/sign-in");
        return session.post("/portal/sign-in", Map.of("email", email));
    }

    /** Signs the customer in with the code from the mail; checks that it worked. */
    WebSession signIn(TestCustomer customer) {
        var session = browser();
        int before = mailsTo(customer.email()).size();
        assertThat(askForCode(session, customer.email()).location()).endsWith("/portal/sign-in/code");
        String code = awaitCode(customer.email(), before);
        session.get("/portal/sign-in/code");
        var signedIn = session.post("/portal/sign-in/code", Map.of("code", code));
        assertThat(signedIn.location()).as(signedIn.toString()).endsWith("/portal");
        return session;
    }

    static List<MimeMessage> mailsTo(String email) {
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

    /** Waits for the {@code count}-th mail to the address and returns it. */
    static MimeMessage awaitMail(String email, int count) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> mailsTo(email).size() >= count);
        return mailsTo(email).get(count - 1);
    }

    /**
     * The code of the first mail to the address, after the first {@code before}, that has one: the
     * web form's acknowledgement, sent after its commit, may arrive before or after it.
     */
    static String awaitCode(String email, int before) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> mailsTo(email).stream()
                                .skip(before)
                                .map(GreenMailUtil::getBody)
                                .map(CODE::matcher)
                                .filter(java.util.regex.Matcher::find)
                                .map(m -> m.group(1))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .get();
    }

    static String code(MimeMessage mail) {
        var matcher = CODE.matcher(GreenMailUtil.getBody(mail));
        assertThat(matcher.find()).as("a code in the mail").isTrue();
        return matcher.group(1);
    }

    static String linkPath(MimeMessage mail) {
        var body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=\n", "");
        var matcher = LINK.matcher(body);
        assertThat(matcher.find()).as("a link in the mail: " + body).isTrue();
        return matcher.group(1);
    }
}
