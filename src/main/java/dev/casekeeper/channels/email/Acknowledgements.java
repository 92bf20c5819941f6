package dev.casekeeper.channels.email;

import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.channels.email.parse.ParsedMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The acknowledgement a customer gets for a new case, when the mailbox has it on: the case number
 * and what happens next. Never for automatic mail (the caller checks), never to an address that
 * cannot answer, and at most {@code max-per-sender-per-hour} to one address, so two auto-responders
 * cannot mail each other forever. It says what it is ({@code Auto-Submitted: auto-replied}), so
 * well-behaved responders stay quiet.
 */
@Component
class Acknowledgements {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{\\s*(caseNumber|subject|customerName|mailboxName)\\s*}}");
    static final String DEFAULT_SUBJECT = "We received your message: {{subject}}";
    static final String DEFAULT_BODY = """
            Hello {{customerName}},

            thank you for writing to {{mailboxName}}. We have opened case #{{caseNumber}} for your message \
            "{{subject}}".

            What happens next: one of our team reads it and answers you by email. If you want to add \
            anything, simply reply to this message and keep [#{{caseNumber}}] in the subject, so it \
            joins the same case.

            {{mailboxName}}
            """;

    private final OutboundQueries outbound;
    private final MailboxQueries mailboxes;
    private final Outbox outbox;
    private final MailSettings.Acknowledgements settings;
    private final CaseMailLinks links;
    private final Clock clock;

    Acknowledgements(
            OutboundQueries outbound,
            MailboxQueries mailboxes,
            Outbox outbox,
            MailSettings settings,
            CaseMailLinks links,
            Clock clock) {
        this.outbound = outbound;
        this.mailboxes = mailboxes;
        this.outbox = outbox;
        this.settings = settings.acknowledgements();
        this.links = links;
        this.clock = clock;
    }

    void queue(MailboxRow mailbox, CaseSummary kase, ParsedMessage.Mailbox customer, ParsedMessage message) {
        if (!mailbox.ackEnabled() || mailbox.smtpHost() == null) {
            return;
        }
        String to = customer.address();
        if (to.endsWith(".invalid") || mailboxes.addresses().contains(to.toLowerCase(java.util.Locale.ROOT))) {
            return;
        }
        int recent = outbound.lockAndCountAcknowledgementsTo(to, clock.instant().minus(Duration.ofHours(1)));
        if (recent >= settings.maxPerSenderPerHour()) {
            log.info("No acknowledgement for case {} to {}: {} already sent this hour", kase.id(), to, recent);
            return;
        }
        var values = Map.of(
                "caseNumber", String.valueOf(kase.number()),
                "subject", kase.subject(),
                "customerName", customer.name() == null ? to : customer.name(),
                "mailboxName", mailbox.displayName());
        String subject = fill(mailbox.ackSubject() == null ? DEFAULT_SUBJECT : mailbox.ackSubject(), values);
        String body = links.text(kase, fill(mailbox.ackBody() == null ? DEFAULT_BODY : mailbox.ackBody(), values));
        OutgoingMail.Rendered rendered;
        try {
            rendered = render(mailbox, kase, to, subject, body, message);
        } catch (IllegalArgumentException e) {
            // An address no mail system could write to (mis-decoded bytes, say): the case stands, only the
            // acknowledgement is left out. Failing here would fail the ingestion of the customer's message.
            log.warn("No acknowledgement for case {}: {}", kase.id(), e.getMessage());
            return;
        }
        outbox.queue(OutboundQueries.Kind.ACKNOWLEDGEMENT, mailbox, kase.id().value(), null, to, List.of(), rendered);
    }

    private OutgoingMail.Rendered render(
            MailboxRow mailbox, CaseSummary kase, String to, String subject, String body, ParsedMessage message) {
        var references = message.messageId() == null ? List.<String>of() : List.of(message.messageId());
        return OutgoingMail.render(new OutgoingMail.Envelope(
                mailbox,
                mailbox.displayName(),
                to,
                List.of(),
                mailbox.address(),
                OutgoingMail.replySubject(subject, kase.number()).replaceFirst("^Re: ", ""),
                body,
                null,
                message.messageId(),
                references,
                Map.of("Auto-Submitted", "auto-replied", "X-Auto-Response-Suppress", "All", "Precedence", "auto_reply"),
                clock.instant()));
    }

    private static String fill(String template, Map<String, String> values) {
        return PLACEHOLDER
                .matcher(template)
                .replaceAll(match -> java.util.regex.Matcher.quoteReplacement(values.get(match.group(1))));
    }
}
