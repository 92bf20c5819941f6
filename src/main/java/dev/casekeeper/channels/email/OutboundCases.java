package dev.casekeeper.channels.email;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.cases.OpenOutbound;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases an agent opens by emailing a customer first. The case, its first message and its email
 * thread (the chosen mailbox and a reply token) are written in one transaction; the message leaves
 * through the outbox like any reply, and the customer's answer threads back by the token, the
 * subject tag or the Message-ID.
 */
@Service
@Transactional
public class OutboundCases {

    static final int MAX_SUBJECT = 500;
    static final int MAX_BODY = 200_000;

    private final CaseManagement cases;
    private final MailboxQueries mailboxes;
    private final ThreadQueries threads;
    private final Clock clock;

    OutboundCases(CaseManagement cases, MailboxQueries mailboxes, ThreadQueries threads, Clock clock) {
        this.cases = cases;
        this.mailboxes = mailboxes;
        this.threads = threads;
        this.clock = clock;
    }

    /** The mailboxes an agent may write from: active, with an outbound server, oldest first. */
    @Transactional(readOnly = true)
    public List<SendingMailbox> sendingMailboxes() {
        return senders().stream()
                .map(m -> new SendingMailbox(new MailboxId(m.id()), m.address(), m.displayName()))
                .toList();
    }

    /**
     * Opens the case and queues the message. Every field is checked before anything is written.
     *
     * @throws InvalidInputException naming each field that is wrong
     * @throws dev.casekeeper.cases.FileRefused when a file is refused
     */
    public CaseSummary email(EmailCustomer command, List<FileCheck.Upload> files, SignedInAgent by) {
        var errors = new LinkedHashMap<String, String>();
        String to = address(command.to(), errors);
        String subject = text(command.subject(), MAX_SUBJECT, "subject", "say what the message is about", errors);
        String body = text(command.body(), MAX_BODY, "body", "write the message", errors);
        var senders = senders();
        MailboxRow mailbox = null;
        if (command.mailboxId() != null) {
            mailbox = senders.stream()
                    .filter(m -> m.id().equals(command.mailboxId().value()))
                    .findFirst()
                    .orElse(null);
            if (mailbox == null) {
                errors.put("mailboxId", "is not a mailbox that can send");
            }
        } else if (senders.size() == 1) {
            mailbox = senders.getFirst();
        } else {
            errors.put(
                    "mailboxId",
                    senders.isEmpty()
                            ? "no mailbox has an outbound server to send from"
                            : "choose the mailbox to send from");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var team = command.teamId() != null
                ? command.teamId()
                : mailbox.teamId() == null ? null : new dev.casekeeper.agents.TeamId(mailbox.teamId());
        if (command.teamId() == null
                && team != null
                && !by.role().seesAllTeams()
                && !by.teamIds().contains(team)) {
            // The mailbox's team is not the agent's: the case stays in sight, with no team.
            team = null;
        }
        var kase = cases.openOutbound(
                new OpenOutbound(
                        subject,
                        to,
                        blank(command.name()) ? null : command.name().strip(),
                        body,
                        Channel.EMAIL,
                        team),
                files,
                by);
        threads.saveThread(kase.id().value(), mailbox.id(), ReplyTokens.next(), to, null, List.of(), clock.instant());
        return kase;
    }

    private List<MailboxRow> senders() {
        return mailboxes.list().stream()
                .filter(MailboxRow::active)
                .filter(m -> m.smtpHost() != null)
                .sorted(java.util.Comparator.comparing(MailboxRow::createdAt))
                .toList();
    }

    private static String address(String typed, java.util.Map<String, String> errors) {
        if (blank(typed)) {
            errors.put("to", "give the customer's email address");
            return "";
        }
        try {
            var address = new InternetAddress(typed.strip(), true);
            address.validate();
            if (address.getAddress().indexOf('@') < 1) {
                throw new AddressException("no domain", typed);
            }
            return address.getAddress();
        } catch (AddressException e) {
            errors.put("to", "is not an email address");
            return "";
        }
    }

    private static String text(
            String typed, int max, String field, String missing, java.util.Map<String, String> errors) {
        if (blank(typed)) {
            errors.put(field, missing);
            return "";
        }
        if (typed.strip().length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
        return typed.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
