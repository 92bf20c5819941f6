package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;
import tools.jackson.databind.JsonNode;

/** Agent replies and acknowledgements go out through the outbox, to GreenMail as the real SMTP server. */
class OutboundMailTests extends EmailTestBase {

    static final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @BeforeAll
    static void startMailServer() {
        greenMail.start();
    }

    @AfterAll
    static void stopMailServer() {
        greenMail.stop();
    }

    @Test
    void sendsAnAgentReplyThreadedAndTaggedFromTheMailbox() throws Exception {
        var mailbox = smtpMailbox(null, outboundTo(greenMail.getSmtp().getPort()));
        String marker = marker();
        String customerId = UUID.randomUUID() + "@client.example.net";
        deliver(
                "maria@example.org",
                mailbox.address(),
                ThreadingTests.withId(
                        plain(
                                "Maria Lopez <maria@example.org>",
                                mailbox.address(),
                                "Wrong colour " + marker,
                                "The curtain is blue, I ordered green.",
                                "Cc: lee@example.org"),
                        customerId));
        var kase = awaitCase(marker);
        String caseId = kase.get("id").asString();

        var reply = admin().post(
                        "/api/v1/cases/" + caseId + "/replies", Map.of("body", "We are sending a green one today."));
        assertThat(reply.status()).isEqualTo(201);

        var sent = awaitSent(marker, 1).getFirst();
        assertThat(sent.getFrom()[0].toString())
                .contains("<" + mailbox.address() + ">")
                .contains("Example Support");
        assertThat(sent.getSubject())
                .isEqualTo("Re: Wrong colour " + marker + " [#"
                        + kase.get("number").asLong() + "]");
        assertThat(sent.getHeader("In-Reply-To")[0]).isEqualTo("<" + customerId + ">");
        assertThat(sent.getHeader("References")[0]).contains("<" + customerId + ">");
        assertThat(sent.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString())
                .isEqualTo("maria@example.org");
        assertThat(sent.getRecipients(jakarta.mail.Message.RecipientType.CC)[0].toString())
                .isEqualTo("lee@example.org");
        assertThat(sent.getReplyTo()[0].toString())
                .matches(".*<" + mailbox.address().replace("@", "\\+[a-z0-9]{16}@") + ">");
        // The reply, then the signed link to the case's status page (docs/portal.md).
        assertThat(String.valueOf(sent.getContent()).strip())
                .startsWith("We are sending a green one today.")
                .contains("See the status of request #" + kase.get("number").asLong())
                .containsPattern("http://portal\\.casekeeper\\.test/portal/status/[A-Za-z0-9_.-]{100,}");
        assertThat(awaitDelivery(caseId, "sent").get("detail").asString()).isEqualTo("Sent to maria@example.org");

        String ourId = sent.getMessageID().replaceAll("[<>]", "");
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain(
                        "maria@example.org",
                        mailbox.address(),
                        "Re: (client dropped the tag)",
                        "Thank you!",
                        "In-Reply-To: <" + ourId + ">"));
        assertThat(lastMessage(awaitCase(admin(), marker, 2)).get("body").asString())
                .isEqualTo("Thank you!");
    }

    @Test
    void aStrangerWhoAnswersOneOfTheCasesMessagesIsMarkedAndNeverCopiedOnReplies() throws Exception {
        var mailbox = smtpMailbox(null, outboundTo(greenMail.getSmtp().getPort()));
        String marker = marker();
        String customerId = UUID.randomUUID() + "@client.example.net";
        deliver(
                "maria@example.org",
                mailbox.address(),
                ThreadingTests.withId(
                        plain(
                                "Maria Lopez <maria@example.org>",
                                mailbox.address(),
                                "Private matter " + marker,
                                "My new address is 4 Elm Street.",
                                "Cc: lee@example.org"),
                        customerId));
        String caseId = awaitCase(marker).get("id").asString();

        // Mallory learned the Message-ID (a forwarded copy, a mailing list archive) and copies Eve.
        deliver(
                "mallory@evil.example",
                mailbox.address(),
                plain(
                        "Mallory <mallory@evil.example>",
                        mailbox.address(),
                        "Re: Private matter",
                        "Please send me the details too.",
                        "In-Reply-To: <" + customerId + ">",
                        "References: <" + customerId + ">",
                        "Cc: eve@evil.example"));
        var kase = awaitCase(admin(), marker, 2);
        var joined = lastMessage(kase).get("data").get("email");
        assertThat(joined.get("outsider").asBoolean()).isTrue();
        assertThat(joined.get("threadedBy").asString()).isEqualTo("references, from someone not on this case");
        var page = dev.casekeeper.support.WebSession.anonymous(port)
                .signIn(ADMIN_EMAIL, ADMIN_PASSWORD)
                .get("/cases/" + kase.get("number").asLong())
                .html();
        assertThat(page.select("#timeline .entry-customer .mail-outsider").text())
                .contains("not on this case", "mallory@evil.example");

        admin().post("/api/v1/cases/" + caseId + "/replies", Map.of("body", "We have updated your address."));

        var sent = awaitSent(marker, 1).getFirst();
        assertThat(Arrays.stream(sent.getAllRecipients()).map(Object::toString))
                .containsExactlyInAnyOrder("maria@example.org", "lee@example.org");
    }

    @Test
    void aFromListingSomeoneNotOnTheCaseDoesNotThreadByTheCaseTag() {
        var mailbox = smtpMailbox(null, outboundTo(greenMail.getSmtp().getPort()));
        String marker = marker();
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain("maria@example.org", mailbox.address(), "Tagged " + marker, "Hi"));
        var kase = awaitCase(marker);
        String attack = marker();

        deliver(
                "mallory@evil.example",
                mailbox.address(),
                plain(
                        "maria@example.org, mallory@evil.example",
                        mailbox.address(),
                        "Re: [#" + kase.get("number").asLong() + "] " + attack,
                        "Add me",
                        "Sender: mallory@evil.example"));

        assertThat(awaitCase(attack).get("id").asString())
                .isNotEqualTo(kase.get("id").asString());
        assertThat(incoming(admin().get("/api/v1/cases/" + kase.get("id").asString())
                        .json()))
                .isEqualTo(1);
    }

    @Test
    void copiesAtMostFiftyPeopleAndSaysOnTheCaseWhoWasLeftOut() throws Exception {
        var mailbox = smtpMailbox(null, outboundTo(greenMail.getSmtp().getPort()));
        String marker = marker();
        String crowd = java.util.stream.IntStream.range(0, 120)
                .mapToObj(i -> "p" + i + "@crowd.example")
                .collect(java.util.stream.Collectors.joining(",\r\n "));
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain(
                        "maria@example.org",
                        mailbox.address(),
                        "Crowd " + marker,
                        "Everyone is copied.",
                        "Cc: " + crowd));
        var kase = awaitCase(marker);
        String caseId = kase.get("id").asString();
        assertThat(firstMessage(kase).get("data").get("email").get("warnings").toString())
                .contains("copies 120 people; only the first 50 joined the case");
        assertThat(jdbc.sql("select count(*) from email.case_participant where case_id = :c")
                        .param("c", UUID.fromString(caseId))
                        .query(Long.class)
                        .single())
                .isEqualTo(50);

        admin().post("/api/v1/cases/" + caseId + "/replies", Map.of("body", "Answering all of you."));

        var sent = awaitSent(marker, 1).getFirst();
        assertThat(sent.getAllRecipients()).hasSize(50);
        var leftOut = admin().get("/api/v1/cases/" + caseId)
                .json()
                .get("timeline")
                .valueStream()
                .filter(e ->
                        "email_recipients_left_out".equals(e.path("eventType").asString(null)))
                .toList();
        assertThat(leftOut)
                .singleElement()
                .satisfies(e -> assertThat(e.get("data").get("leftOut").asInt()).isEqualTo(1));
        var page = dev.casekeeper.support.WebSession.anonymous(port)
                .signIn(ADMIN_EMAIL, ADMIN_PASSWORD)
                .get("/cases/" + kase.get("number").asLong())
                .html();
        assertThat(page.select("#timeline .entry-event").text())
                .contains("did not get it", "Left out: p9@crowd.example");
    }

    @Test
    void aCustomerWithAUtf8AddressIsReadAndAnsweredAtThatAddressOverSmtpUtf8() throws Exception {
        var received = new java.util.concurrent.CopyOnWriteArrayList<String[]>();
        // Every RCPT, as the server read it, with the message's text.
        var server = SMTPServer.port(0)
                .messageHandlerFactory(context -> new org.subethamail.smtp.MessageHandler() {
                    private final List<String> recipients = new java.util.ArrayList<>();

                    @Override
                    public void from(String from) {}

                    @Override
                    public void recipient(String recipient) {
                        recipients.add(recipient);
                    }

                    @Override
                    public String data(java.io.InputStream data) throws java.io.IOException {
                        String text = new String(data.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        recipients.forEach(r -> received.add(new String[] {r, text}));
                        return null;
                    }

                    @Override
                    public void done() {}
                })
                .build();
        server.start();
        try {
            var mailbox = smtpMailbox(null, outboundTo(server.getPortAllocated()));
            String marker = marker();
            String customer = "jöhn.aba5a@mächine.example";
            // The customer's server, as a real one would: SMTPUTF8 with the UTF-8 envelope sender.
            var properties = new java.util.Properties();
            properties.setProperty("mail.mime.allowutf8", "true");
            properties.setProperty("mail.smtp.from", customer);
            var session = jakarta.mail.Session.getInstance(properties);
            var message = new MimeMessage(
                    session,
                    new java.io.ByteArrayInputStream(
                            EmailCasePageTests.repro("R8-", marker).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            try (var transport = session.getTransport("smtp")) {
                transport.connect("localhost", smtpPort(), null, null);
                assertThat(((org.eclipse.angus.mail.smtp.SMTPTransport) transport).supportsExtension("SMTPUTF8"))
                        .isTrue();
                transport.sendMessage(
                        message,
                        new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress(mailbox.address())});
            }
            var kase = awaitCase(marker);
            assertThat(firstMessage(kase).get("data").get("email").get("from").asString())
                    .isEqualTo("Jöhn <" + customer + ">");
            assertThat(jdbc.sql("select envelope_from from email.inbound_message where case_id = :c")
                            .param("c", UUID.fromString(kase.get("id").asString()))
                            .query(String.class)
                            .single())
                    .isEqualTo(customer);

            admin().post("/api/v1/cases/" + kase.get("id").asString() + "/replies", Map.of("body", "Hallo Jöhn"));

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> assertThat(received.stream().map(r -> r[0])).contains(customer));
            assertThat(received.stream()
                            .filter(r -> r[0].equals(customer))
                            .findFirst()
                            .orElseThrow()[1])
                    .contains("To: " + customer);
        } finally {
            server.stop();
        }
    }

    @Test
    void aRefusedRecipientFailsTheDeliveryWithTheReason() {
        // The desk's own SMTP listener is a server that refuses recipients it has no mailbox for.
        var mailbox = smtpMailbox(null, outboundTo(smtpPort()));
        String marker = marker();
        deliver(
                "nobody@nowhere.example",
                mailbox.address(),
                plain("nobody@nowhere.example", mailbox.address(), "Bounce " + marker, "Hi"));
        String caseId = awaitCase(marker).get("id").asString();

        admin().post("/api/v1/cases/" + caseId + "/replies", Map.of("body", "Hello"));

        var delivery = awaitDelivery(caseId, "failed");
        assertThat(delivery.get("detail").asString()).contains("550").contains("nobody@nowhere.example");
    }

    @Test
    void retriesAServerThatAsksToTryAgainLater() throws Exception {
        var attempts = new AtomicInteger();
        var received = new java.util.concurrent.CopyOnWriteArrayList<byte[]>();
        var flaky = SMTPServer.port(0)
                .messageHandler((context, from, to, data) -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new RejectException(451, "4.3.0 Try again later");
                    }
                    received.add(data);
                })
                .build();
        flaky.start();
        try {
            var mailbox = smtpMailbox(null, outboundTo(flaky.getPortAllocated()));
            String marker = marker();
            deliver(
                    "maria@example.org",
                    mailbox.address(),
                    plain("maria@example.org", mailbox.address(), "Flaky " + marker, "Hi"));
            String caseId = awaitCase(marker).get("id").asString();

            admin().post("/api/v1/cases/" + caseId + "/replies", Map.of("body", "Second time lucky"));

            awaitDelivery(caseId, "sent");
            assertThat(attempts).hasValue(2);
            assertThat(received).hasSize(1);
        } finally {
            flaky.stop();
        }
    }

    @Test
    void givesUpOnAnUnreachableServerAfterTheLastAttempt() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var mailbox = smtpMailbox(null, outboundTo(closedPort));
        String marker = marker();
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain("maria@example.org", mailbox.address(), "Down " + marker, "Hi"));
        String caseId = awaitCase(marker).get("id").asString();

        admin().post("/api/v1/cases/" + caseId + "/replies", Map.of("body", "Hello"));

        var delivery = awaitDelivery(caseId, "failed");
        assertThat(delivery.get("detail").asString())
                .startsWith("Gave up after 3 attempts")
                .contains("localhost:" + closedPort);
    }

    @Test
    void aReplyOnACaseThatDidNotComeByEmailIsNotMailed() {
        String caseId = openCase(admin(), "Phone call " + marker()).toString();

        var reply = admin().post("/api/v1/cases/" + caseId + "/replies", Map.of("body", "As discussed on the phone"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("delivery").isNull()).isTrue();
    }

    @Test
    void acknowledgesANewCaseButNeverAutomaticMailAndAtMostThreeTimesAnHour() throws Exception {
        var extra = new LinkedHashMap<>(outboundTo(greenMail.getSmtp().getPort()));
        extra.put(
                "acknowledgement",
                Map.of("enabled", true, "body", "Case {{caseNumber}} for {{customerName}}: {{subject}}"));
        var mailbox = smtpMailbox(null, extra);
        String sender = "ack-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String marker = marker();

        deliver(sender, mailbox.address(), plain("Ann <" + sender + ">", mailbox.address(), "First " + marker, "Hi"));
        long number = awaitCase(marker).get("number").asLong();
        var ack = awaitSentTo(sender, 1).getFirst();
        assertThat(ack.getSubject()).isEqualTo("We received your message: First " + marker + " [#" + number + "]");
        assertThat(ack.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        assertThat(String.valueOf(ack.getContent()).strip())
                .startsWith("Case " + number + " for Ann: First " + marker)
                .containsPattern("http://portal\\.casekeeper\\.test/portal/status/[A-Za-z0-9_.-]{100,}");

        String vacation = marker();
        deliver(
                sender,
                mailbox.address(),
                plain(
                        sender,
                        mailbox.address(),
                        "Out of office " + vacation,
                        "I am away",
                        "Auto-Submitted: auto-replied"));
        awaitCase(vacation);
        for (int i = 0; i < 3; i++) {
            String more = marker();
            deliver(sender, mailbox.address(), plain(sender, mailbox.address(), "More " + more, "Again"));
            awaitCase(more);
        }

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(sentTo(sender)).hasSize(3));
    }

    @Test
    void aSenderAddressNoServerCouldWriteToStillOpensACaseJustWithoutAnAcknowledgement() {
        var extra = new LinkedHashMap<>(outboundTo(greenMail.getSmtp().getPort()));
        extra.put("acknowledgement", Map.of("enabled", true));
        var mailbox = smtpMailbox(null, extra);
        String marker = marker();
        // Mis-decoded UTF-8 in the From header, as in real mail: an address Jakarta Mail refuses to write to.
        String raw =
                plain("jd\u00c3\u00b6e@m\u00c3\u00a4chine.example", mailbox.address(), "Umlauts " + marker, "Hello");

        deliver("bounce-" + marker.toLowerCase(java.util.Locale.ROOT) + "@example.org", mailbox.address(), raw);

        String caseId = awaitCase(marker).get("id").asString();
        assertThat(jdbc.sql("select state from email.inbound_message where case_id = :c")
                        .param("c", UUID.fromString(caseId))
                        .query(String.class)
                        .single())
                .isEqualTo("processed");
        assertThat(jdbc.sql("select count(*) from email.outbound_message where case_id = :c")
                        .param("c", UUID.fromString(caseId))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static Map<String, Object> outboundTo(int port) {
        return Map.of("outbound", Map.of("host", "localhost", "port", port, "security", "none"));
    }

    private JsonNode awaitDelivery(String caseId, String state) {
        var found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    var replies = admin().get("/api/v1/cases/" + caseId)
                            .json()
                            .get("timeline")
                            .valueStream()
                            .filter(e -> e.get("kind").asString().equals("message_out"))
                            .toList();
                    assertThat(replies).hasSize(1);
                    assertThat(replies.getFirst().get("delivery").isNull()).isFalse();
                    assertThat(replies.getFirst().get("delivery").get("state").asString())
                            .isEqualTo(state);
                    found[0] = replies.getFirst().get("delivery");
                });
        return found[0];
    }

    private static List<MimeMessage> awaitSent(String marker, int count) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(withSubject(marker)).hasSize(count));
        return withSubject(marker);
    }

    private static List<MimeMessage> awaitSentTo(String address, int count) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(sentTo(address)).hasSize(count));
        return sentTo(address);
    }

    /** One per message sent (GreenMail keeps a copy for each recipient). */
    private static List<MimeMessage> withSubject(String marker) {
        var byId = new LinkedHashMap<String, MimeMessage>();
        Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).contains(marker))
                .forEach(m -> {
                    try {
                        byId.putIfAbsent(m.getMessageID(), m);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return List.copyOf(byId.values());
    }

    private static List<MimeMessage> sentTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
