package dev.casekeeper.channels.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.stereotype.Component;

/**
 * Submits outbox messages to a mailbox's SMTP server (Angus Mail). Tells a refusal for good (a 5xx
 * reply: no such user, policy) from a failure worth retrying (no connection, a 4xx reply, a timeout).
 */
@Component
class SmtpMailSink {

    /** Why a submission failed, and whether trying again can help. */
    static final class DeliveryException extends Exception {
        final boolean permanent;

        DeliveryException(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }
    }

    private final SecretBox secrets;
    private final MailSettings.Outbound settings;

    SmtpMailSink(SecretBox secrets, MailSettings settings) {
        this.secrets = secrets;
        this.settings = settings.outbound();
    }

    void send(MailboxRow mailbox, OutboundQueries.Outbound outbound) throws DeliveryException {
        send(mailbox, outbound.recipient(), outbound.cc(), outbound.raw());
    }

    /** Submits a rendered message to the recipient and copies. */
    void send(MailboxRow mailbox, String recipient, java.util.List<String> cc, byte[] raw) throws DeliveryException {
        if (mailbox.smtpHost() == null) {
            throw new DeliveryException(
                    "The mailbox " + mailbox.address() + " has no outbound SMTP server", true, null);
        }
        String timeout = String.valueOf(settings.timeout().toMillis());
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", mailbox.smtpHost());
        properties.setProperty("mail.smtp.port", String.valueOf(mailbox.smtpPort()));
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        // Bounces go back to the mailbox, where they are recognised and filed with the case.
        properties.setProperty("mail.smtp.from", mailbox.address());
        properties.setProperty("mail.smtp.localhost", mailbox.domain());
        // SMTPUTF8 (RFC 6531) when the server offers it: needed for an address that is not ASCII.
        properties.setProperty("mail.mime.allowutf8", "true");
        switch (mailbox.smtpSecurity()) {
            case TLS -> properties.setProperty("mail.smtp.ssl.enable", "true");
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
            }
            case NONE -> {}
            case null -> {}
        }
        String password = null;
        if (mailbox.smtpUsername() != null) {
            properties.setProperty("mail.smtp.auth", "true");
            try {
                password = mailbox.smtpPassword() == null
                        ? ""
                        : secrets.decrypt(mailbox.smtpPassword(), mailbox.secretContext("smtp_password"));
            } catch (SecretBox.SecretUnavailableException e) {
                throw new DeliveryException("The outbound password cannot be read: " + e.getMessage(), false, e);
            }
        }
        var session = Session.getInstance(properties);
        try (var transport = session.getTransport("smtp")) {
            var message = new MimeMessage(session, new ByteArrayInputStream(raw));
            var recipients = new ArrayList<InternetAddress>();
            recipients.add(new InternetAddress(recipient));
            for (String copy : cc) {
                recipients.add(new InternetAddress(copy));
            }
            transport.connect(mailbox.smtpHost(), mailbox.smtpPort(), mailbox.smtpUsername(), password);
            var international = recipients.stream()
                    .map(InternetAddress::getAddress)
                    .filter(a -> !a.chars().allMatch(c -> c < 0x80))
                    .toList();
            if (!international.isEmpty()
                    && transport instanceof org.eclipse.angus.mail.smtp.SMTPTransport smtp
                    && !smtp.supportsExtension("SMTPUTF8")) {
                throw new DeliveryException(
                        "The server " + mailbox.smtpHost() + " does not accept internationalized addresses"
                                + " (SMTPUTF8), needed for " + String.join(", ", international),
                        true,
                        null);
            }
            transport.sendMessage(message, recipients.toArray(InternetAddress[]::new));
        } catch (SMTPAddressFailedException e) {
            throw new DeliveryException(
                    "The server refused the recipient: " + e.getMessage().strip(), e.getReturnCode() >= 500, e);
        } catch (SMTPSendFailedException e) {
            throw new DeliveryException(
                    "The server refused the message: " + e.getMessage().strip(), e.getReturnCode() >= 500, e);
        } catch (SendFailedException e) {
            var cause = e.getNextException();
            boolean permanent = cause instanceof SMTPAddressFailedException failed
                    ? failed.getReturnCode() >= 500
                    : e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new DeliveryException(
                    "The server refused the message: " + describe(cause == null ? e : cause), permanent, e);
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException("The SMTP server refused the mailbox's username or password", false, e);
        } catch (MessagingException e) {
            throw new DeliveryException(
                    "Could not reach " + mailbox.smtpHost() + ":" + mailbox.smtpPort() + ": " + describe(e), false, e);
        }
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null
                ? root.getClass().getSimpleName()
                : root.getMessage().strip();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
