package dev.casekeeper.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server (GreenMail, on a free port) for one test class, and what reached it: register it
 * with {@code @RegisterExtension static final TestSmtpServer smtp = new TestSmtpServer();} and point a
 * mailbox's outbound settings at it with {@link #outbound()}. Tests tell their mail apart by recipient.
 */
public final class TestSmtpServer implements BeforeAllCallback, AfterAllCallback {

    private final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Override
    public void beforeAll(ExtensionContext context) {
        greenMail.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        greenMail.stop();
    }

    /** A mailbox's {@code outbound} settings that send here, in plain SMTP. */
    public Map<String, Object> outbound() {
        return Map.of("host", "localhost", "port", greenMail.getSmtp().getPort(), "security", "none");
    }

    /** The mails received for this address so far. */
    public List<MimeMessage> sentTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The one mail for this address, once it has arrived. */
    public MimeMessage awaitOneSentTo(String address) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(sentTo(address)).hasSize(1));
        return sentTo(address).getFirst();
    }

    /** The text/plain part of a mail (an automation's email also has an HTML one), or empty. */
    public static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
