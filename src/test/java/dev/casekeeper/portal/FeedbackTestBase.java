package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.casekeeper.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Feedback tests: a desk of their own (a team with an agent and a supervisor, and a mailbox of the
 * team that sends through the tests' GreenMail), email cases assigned to the agent, and the signed
 * links read from the mail the customer gets.
 */
abstract class FeedbackTestBase extends PortalTestBase {

    static final String PUBLIC = "http://portal.casekeeper.test";
    private static final Pattern STATUS = Pattern.compile("(/portal/status/[A-Za-z0-9_.-]+)");
    private static final Pattern RATE = Pattern.compile("(/portal/rate/[A-Za-z0-9_.-]+)\\?score=bad");

    /** A team with its agent and supervisor, and its mailbox. */
    record Desk(UUID team, Caller agent, Caller supervisor, String mailbox) {}

    /** An email case of a customer, owned by the desk's agent. */
    record EmailCase(UUID id, long number, TestCustomer customer) {}

    Desk desk() {
        var team = newTeam();
        String address = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@casekeeper.test";
        var mailbox = admin().post(
                        "/api/v1/mailboxes",
                        Map.of(
                                "address",
                                address,
                                "name",
                                "Example Support",
                                "teamId",
                                team,
                                "inbound",
                                Map.of("mode", "smtp"),
                                "outbound",
                                Map.of(
                                        "host", "localhost",
                                        "port", MAIL.getSmtp().getPort(),
                                        "security", "none")));
        assertThat(mailbox.status()).as(mailbox.toString()).isEqualTo(201);
        return new Desk(team, newAgent("agent", team), newAgent("supervisor", team), address);
    }

    EmailCase emailCase(Desk desk, TestCustomer customer, String subject) {
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject", subject,
                                "channel", "email",
                                "teamId", desk.team(),
                                "requester", Map.of("email", customer.email()),
                                "message", Map.of("body", "Please help: " + subject)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var id = UUID.fromString(created.json().get("id").asString());
        var assigned = desk.agent()
                .api()
                .post(
                        "/api/v1/cases/" + id + "/assignment",
                        Map.of("ownerId", desk.agent().id()));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        return new EmailCase(id, created.json().get("number").asLong(), customer);
    }

    void reply(Desk desk, EmailCase kase, String body) {
        var reply = desk.agent().api().post("/api/v1/cases/" + kase.id() + "/replies", Map.of("body", body));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    void solve(Desk desk, EmailCase kase) {
        var solved = desk.agent().api().patch("/api/v1/cases/" + kase.id(), Map.of("status", "solved"));
        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
    }

    JsonNode caseJson(UUID id) {
        return admin().get("/api/v1/cases/" + id).json();
    }

    String status(UUID id) {
        return caseJson(id).get("status").asString();
    }

    List<JsonNode> events(UUID id, String type) {
        return caseJson(id)
                .get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().equals("event")
                        && e.get("eventType").asString().equals(type))
                .toList();
    }

    JsonNode satisfaction(Caller as, UUID id) {
        var response = as.api().get("/api/v1/cases/" + id + "/satisfaction");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    List<JsonNode> notifications(Caller agent, String kind) {
        return agent.api()
                .get("/api/v1/notifications?limit=100")
                .json()
                .get("items")
                .valueStream()
                .filter(n -> n.get("kind").asString().equals(kind))
                .toList();
    }

    /** The mails to the address whose subject names the case, in the order they came. */
    static List<MimeMessage> mailsAbout(String email, long number) {
        return mailsTo(email).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().contains("[#" + number + "]");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    static MimeMessage awaitMailAbout(String email, long number, int count) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> mailsAbout(email, number).size() >= count);
        return mailsAbout(email, number).get(count - 1);
    }

    static String body(MimeMessage mail) {
        return GreenMailUtil.getBody(mail)
                .replace("=\r\n", "")
                .replace("=\n", "")
                .replace("=3D", "=");
    }

    /** The path of the status link in the mail. */
    static String statusPath(MimeMessage mail) {
        var matcher = STATUS.matcher(body(mail));
        assertThat(matcher.find()).as("a status link in " + body(mail)).isTrue();
        return matcher.group(1);
    }

    /** The path of the status link in the first mail about the case, once it came. */
    static String statusPath(EmailCase kase) {
        return statusPath(awaitMailAbout(kase.customer().email(), kase.number(), 1));
    }

    /** The path of the rating link in the solve mail about the case (without its score), once it came. */
    static String ratePath(EmailCase kase) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> mailsAbout(kase.customer().email(), kase.number()).stream()
                        .anyMatch(m -> RATE.matcher(body(m)).find()));
        var mail = mailsAbout(kase.customer().email(), kase.number()).stream()
                .filter(m -> RATE.matcher(body(m)).find())
                .findFirst()
                .orElseThrow();
        var matcher = RATE.matcher(body(mail));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /**
     * Signs the customer in with the code of the sign-in mail (other mail about her cases may come
     * between); checks that it worked.
     */
    WebSession signInCustomer(TestCustomer customer) {
        var session = browser();
        int before = signInMails(customer.email()).size();
        assertThat(askForCode(session, customer.email()).location()).endsWith("/portal/sign-in/code");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> signInMails(customer.email()).size() > before);
        String code = code(signInMails(customer.email()).get(before));
        session.get("/portal/sign-in/code");
        var signedIn = session.post("/portal/sign-in/code", Map.of("code", code));
        assertThat(signedIn.location()).as(signedIn.toString()).endsWith("/portal");
        return session;
    }

    private static List<MimeMessage> signInMails(String email) {
        return mailsTo(email).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("Your sign-in code");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** Opens a page as a browser without a sign-in. */
    WebSession.Page open(String path) {
        return browser().get(path);
    }
}
