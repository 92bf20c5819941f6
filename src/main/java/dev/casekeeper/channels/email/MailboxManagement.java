package dev.casekeeper.channels.email;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mailboxes: the addresses Casekeeper receives mail for, the team each routes to, how mail arrives
 * and how replies leave. Passwords are sealed before they are stored and never given back.
 */
@Service
@Transactional
public class MailboxManagement {

    private static final Logger log = LoggerFactory.getLogger(MailboxManagement.class);
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s+]+@[^@\\s]+\\.[^@\\s]+$");

    private final MailboxQueries mailboxes;
    private final SecretBox secrets;
    private final AgentManagement agents;
    private final SendingMailboxes sending;
    private final Clock clock;

    MailboxManagement(
            MailboxQueries mailboxes,
            SecretBox secrets,
            AgentManagement agents,
            SendingMailboxes sending,
            Clock clock) {
        this.mailboxes = mailboxes;
        this.secrets = secrets;
        this.agents = agents;
        this.sending = sending;
        this.clock = clock;
    }

    /** Whether a reply on the case can go by email: the mailbox it would leave from has an outbound server. */
    @Transactional(readOnly = true)
    public boolean sendsFor(CaseSummary kase) {
        return sending.sendsFor(kase);
    }

    public Mailbox create(SaveMailbox command) {
        var id = UUID.randomUUID();
        var row = row(id, command, null, clock.instant());
        if (!mailboxes.save(row)) {
            throw addressTaken(row.address());
        }
        log.info(
                "Mailbox {} created for {} ({} inbound)",
                id,
                row.address(),
                row.inboundMode().value());
        return row.view();
    }

    /** Replaces a mailbox's settings; passwords left out are kept. */
    public Mailbox replace(MailboxId id, SaveMailbox command) {
        var current = mailboxes.find(id.value()).orElseThrow(() -> new NotFoundException("Mailbox", id));
        var row = row(id.value(), command, current, clock.instant());
        if (!mailboxes.save(row)) {
            throw addressTaken(row.address());
        }
        log.info("Mailbox {} changed", id);
        return row.view();
    }

    @Transactional(readOnly = true)
    public Mailbox find(MailboxId id) {
        return mailboxes.find(id.value()).map(MailboxRow::view).orElseThrow(() -> new NotFoundException("Mailbox", id));
    }

    @Transactional(readOnly = true)
    public List<Mailbox> list() {
        return mailboxes.list().stream().map(MailboxRow::view).toList();
    }

    private MailboxRow row(UUID id, SaveMailbox command, @Nullable MailboxRow current, Instant now) {
        String address = address(command.address());
        if (command.teamId() != null) {
            try {
                agents.findTeam(command.teamId());
            } catch (NotFoundException e) {
                throw new InvalidInputException("teamId", "no team has this id");
            }
        }
        var imap = command.inboundMode() == InboundMode.IMAP ? command.imap() : null;
        if (command.inboundMode() == InboundMode.IMAP && imap == null) {
            throw new InvalidInputException(
                    "inbound.host", "an IMAP mailbox needs its server: host, username and password");
        }
        var context = new MailboxRow(
                id,
                address,
                null,
                null,
                command.inboundMode(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                true,
                null,
                null,
                now,
                now);
        String imapPassword = null;
        if (imap != null) {
            required("inbound.host", imap.host());
            required("inbound.username", imap.username());
            port("inbound.port", imap.port());
            boolean sameAccount = current != null
                    && current.imapPassword() != null
                    && imap.host().strip().equalsIgnoreCase(String.valueOf(current.imapHost()))
                    && imap.username().strip().equals(current.imapUsername());
            imapPassword = seal(
                    "inbound.password",
                    imap.password(),
                    sameAccount ? current.imapPassword() : null,
                    context.secretContext("imap_password"));
            if (imapPassword == null) {
                throw new InvalidInputException("inbound.password", "an IMAP mailbox needs the account's password");
            }
        }
        var smtp = command.outbound();
        String smtpPassword = null;
        if (smtp != null) {
            required("outbound.host", smtp.host());
            port("outbound.port", smtp.port());
            boolean sameAccount = current != null
                    && current.smtpPassword() != null
                    && smtp.host().strip().equalsIgnoreCase(String.valueOf(current.smtpHost()))
                    && java.util.Objects.equals(blankToNull(smtp.username()), current.smtpUsername());
            smtpPassword = seal(
                    "outbound.password",
                    smtp.password(),
                    sameAccount ? current.smtpPassword() : null,
                    context.secretContext("smtp_password"));
        }
        var ack = command.acknowledgement();
        return new MailboxRow(
                id,
                address,
                blankToNull(command.name()),
                command.teamId() == null ? null : command.teamId().value(),
                command.inboundMode(),
                imap == null ? null : imap.host().strip().toLowerCase(Locale.ROOT),
                imap == null ? null : imap.port() == null ? imap.security().imapPort() : imap.port(),
                imap == null ? null : imap.security(),
                imap == null ? null : imap.username().strip(),
                imapPassword,
                imap == null
                        ? null
                        : blankToNull(imap.folder()) == null
                                ? "INBOX"
                                : imap.folder().strip(),
                imap == null ? null : blankToNull(imap.processedFolder()),
                smtp == null ? null : smtp.host().strip().toLowerCase(Locale.ROOT),
                smtp == null ? null : smtp.port() == null ? smtp.security().smtpPort() : smtp.port(),
                smtp == null ? null : smtp.security(),
                smtp == null ? null : blankToNull(smtp.username()),
                smtpPassword,
                ack.enabled(),
                blankToNull(ack.subject()),
                blankToNull(ack.body()),
                command.active(),
                current == null ? null : current.lastPolledAt(),
                null,
                current == null ? now : current.createdAt(),
                now);
    }

    /** The new password sealed, else the stored one; refuses to keep a password when nothing can seal it. */
    private @Nullable String seal(String field, @Nullable String password, @Nullable String stored, String context) {
        if (password == null || password.isEmpty()) {
            return stored;
        }
        if (!secrets.canEncrypt()) {
            throw new InvalidInputException(
                    field,
                    "cannot be stored: no casekeeper.mail.secret-key is configured, and "
                            + "Casekeeper never keeps a password in clear (see docs/email.md)");
        }
        return secrets.encrypt(password, context);
    }

    static String address(String value) {
        String address = value.strip().toLowerCase(Locale.ROOT);
        if (address.length() > 320 || !ADDRESS.matcher(address).matches()) {
            throw new InvalidInputException(
                    "address",
                    "'" + value + "' is not an email address Casekeeper can receive for "
                            + "(a '+' is not allowed: it marks reply tokens)");
        }
        return address;
    }

    private static void required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
    }

    private static void port(String field, @Nullable Integer port) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new InvalidInputException(field, "must be a port between 1 and 65535");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ConflictException addressTaken(String address) {
        return new ConflictException("mailbox-address-taken", "Another mailbox already receives mail for " + address);
    }
}
