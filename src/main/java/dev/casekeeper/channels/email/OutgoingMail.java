package dev.casekeeper.channels.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Renders a message Casekeeper sends, once, to the bytes the outbox keeps: every retry sends the
 * same Message-ID. Replies carry the case tag in the subject, In-Reply-To and References so the
 * customer's mail client threads them, a Reply-To with the case's token, and an X-Loop naming the
 * mailbox, so a copy that comes back is recognised.
 */
final class OutgoingMail {

    /** Internationalized addresses (RFC 6532) are written as UTF-8; everything else stays ASCII, encoded as before. */
    private static final Session SESSION = Session.getInstance(utf8Headers());

    private static Properties utf8Headers() {
        var properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", "true");
        return properties;
    }

    record Rendered(String messageId, byte[] raw) {}

    record Envelope(
            MailboxRow mailbox,
            String fromName,
            String to,
            List<String> cc,
            String replyTo,
            String subject,
            String text,
            @Nullable String html,
            @Nullable String inReplyTo,
            List<String> references,
            Map<String, String> headers,
            Instant date,
            List<FilePart> files,
            List<String> alsoTo) {

        /** To one person (and the copies), as every message but an agent's addressed reply is. */
        Envelope(
                MailboxRow mailbox,
                String fromName,
                String to,
                List<String> cc,
                String replyTo,
                String subject,
                String text,
                @Nullable String html,
                @Nullable String inReplyTo,
                List<String> references,
                Map<String, String> headers,
                Instant date,
                List<FilePart> files) {
            this(
                    mailbox,
                    fromName,
                    to,
                    cc,
                    replyTo,
                    subject,
                    text,
                    html,
                    inReplyTo,
                    references,
                    headers,
                    date,
                    files,
                    List.of());
        }

        Envelope(
                MailboxRow mailbox,
                String fromName,
                String to,
                List<String> cc,
                String replyTo,
                String subject,
                String text,
                @Nullable String html,
                @Nullable String inReplyTo,
                List<String> references,
                Map<String, String> headers,
                Instant date) {
            this(
                    mailbox,
                    fromName,
                    to,
                    cc,
                    replyTo,
                    subject,
                    text,
                    html,
                    inReplyTo,
                    references,
                    headers,
                    date,
                    List.of(),
                    List.of());
        }
    }

    /** A file an agent attached, sent as an attachment part under the type sniffed from its bytes. */
    record FilePart(String filename, String contentType, byte[] content) {}

    private OutgoingMail() {}

    static Rendered render(Envelope envelope) {
        String messageId = UUID.randomUUID() + "@" + envelope.mailbox().domain();
        try {
            var message = new IdentifiedMessage(messageId);
            message.setFrom(new InternetAddress(envelope.mailbox().address(), envelope.fromName(), "UTF-8"));
            message.setReplyTo(
                    new InternetAddress[] {new InternetAddress(envelope.replyTo(), envelope.fromName(), "UTF-8")});
            var to = new InternetAddress[1 + envelope.alsoTo().size()];
            to[0] = new InternetAddress(envelope.to());
            for (int i = 1; i < to.length; i++) {
                to[i] = new InternetAddress(envelope.alsoTo().get(i - 1));
            }
            message.setRecipients(Message.RecipientType.TO, to);
            // All at once: adding them one by one re-reads the whole header each time, quadratic in the count.
            if (!envelope.cc().isEmpty()) {
                var cc = new InternetAddress[envelope.cc().size()];
                for (int i = 0; i < cc.length; i++) {
                    cc[i] = new InternetAddress(envelope.cc().get(i));
                }
                message.setRecipients(Message.RecipientType.CC, cc);
            }
            message.setSubject(envelope.subject(), "UTF-8");
            message.setSentDate(Date.from(envelope.date()));
            if (envelope.inReplyTo() != null) {
                message.setHeader("In-Reply-To", "<" + envelope.inReplyTo() + ">");
            }
            if (!envelope.references().isEmpty()) {
                message.setHeader(
                        "References",
                        String.join(
                                " ",
                                envelope.references().stream()
                                        .map(id -> "<" + id + ">")
                                        .toList()));
            }
            message.setHeader("X-Loop", envelope.mailbox().address());
            for (var header : envelope.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            if (envelope.files().isEmpty()) {
                body(message, envelope);
            } else {
                // multipart/mixed: the text (or its alternatives) first, then each file as an attachment.
                var mixed = new MimeMultipart("mixed");
                var body = new MimeBodyPart();
                body(body, envelope);
                mixed.addBodyPart(body);
                for (var file : envelope.files()) {
                    var part = new MimeBodyPart();
                    part.setDataHandler(new jakarta.activation.DataHandler(
                            new jakarta.mail.util.ByteArrayDataSource(file.content(), file.contentType())));
                    part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(file.filename(), "UTF-8", null));
                    part.setDisposition(jakarta.mail.Part.ATTACHMENT);
                    mixed.addBodyPart(part);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            var out = new ByteArrayOutputStream();
            message.writeTo(out);
            return new Rendered(messageId, out.toByteArray());
        } catch (MessagingException e) {
            throw new IllegalArgumentException("The message cannot be rendered: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void body(jakarta.mail.internet.MimePart part, Envelope envelope) throws MessagingException {
        if (envelope.html() == null) {
            part.setText(envelope.text(), "UTF-8");
        } else {
            var text = new MimeBodyPart();
            text.setText(envelope.text(), "UTF-8");
            var html = new MimeBodyPart();
            html.setContent(
                    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + envelope.html()
                            + "</body></html>",
                    "text/html; charset=UTF-8");
            part.setContent(new MimeMultipart("alternative", text, html));
        }
    }

    /** "subject [#1042]": the first message of a case an agent opened by writing, with the tag that threads the answer. */
    static String firstSubject(String caseSubject, long number) {
        String subject = caseSubject.strip();
        String tag = "[#" + number + "]";
        return subject.contains(tag) ? subject : subject + " " + tag;
    }

    /** "Re: subject [#1042]": the tag threads the customer's answer even when headers are lost. */
    static String replySubject(String caseSubject, long number) {
        String subject = caseSubject.strip();
        if (!subject.toLowerCase(Locale.ROOT).startsWith("re:")) {
            subject = "Re: " + subject;
        }
        String tag = "[#" + number + "]";
        return subject.contains(tag) ? subject : subject + " " + tag;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Keeps the Message-ID chosen here instead of the one Jakarta Mail would make up. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMessage(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
