package dev.casekeeper.channels.email.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.Addressed;
import dev.casekeeper.cases.AttachedFiles;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.channels.email.CaseMail;
import dev.casekeeper.channels.email.EmailForward;
import dev.casekeeper.channels.email.EmailReply;
import dev.casekeeper.channels.email.MailboxId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * An agent's email on a case: what a reply is addressed to by default, a reply with To, Cc, Bcc and
 * the sending mailbox, and a forward to a third party; as JSON or, with files, a multipart form. A
 * wrong field is {@code 400} naming it, and nothing is recorded or sent.
 */
@RestController
@RequestMapping("/api/v1/email/cases/{id}")
class CaseMailRestController {

    private final CaseMail mail;

    CaseMailRestController(CaseMail mail) {
        this.mail = mail;
    }

    record Mailbox(UUID id, String address, String name) {}

    record AddressingResponse(
            @Nullable String to,
            List<String> cc,
            List<Mailbox> mailboxes,
            @Nullable UUID defaultMailboxId) {}

    record ReplyRequest(
            @Nullable List<String> to,
            @Nullable List<String> cc,
            @Nullable List<String> bcc,
            @Nullable UUID mailboxId,
            @Nullable String body) {

        EmailReply command() {
            return new EmailReply(to, cc, bcc, mailboxId == null ? null : new MailboxId(mailboxId), body);
        }
    }

    record ForwardRequest(
            @Nullable List<String> to,
            @Nullable UUID entryId,
            @Nullable UUID mailboxId,
            @Nullable String body) {

        EmailForward command() {
            return new EmailForward(to, entryId, mailboxId == null ? null : new MailboxId(mailboxId), body);
        }
    }

    /** The recorded entry: its id and kind, whom it was addressed to from which mailbox, what it forwarded, its files. */
    record Sent(
            UUID id,
            String kind,
            Instant createdAt,
            List<String> to,
            List<String> cc,
            List<String> bcc,
            @Nullable UUID mailboxId,
            @Nullable String from,
            Addressed.@Nullable Forward forward,
            List<AttachedFiles.File> files) {

        static Sent of(TimelineEntry entry) {
            var addressed = entry.facts(Addressed.class);
            if (addressed == null) {
                throw new IllegalStateException("Entry " + entry.id() + " was recorded without its recipients");
            }
            return new Sent(
                    entry.id(),
                    entry.kind().value(),
                    entry.createdAt(),
                    addressed.to(),
                    addressed.cc(),
                    addressed.bcc(),
                    addressed.mailboxId(),
                    addressed.from(),
                    addressed.forward(),
                    addressed.files());
        }
    }

    @GetMapping("/addressing")
    AddressingResponse addressing(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        var addressing = mail.addressing(new CaseId(id), me);
        return new AddressingResponse(
                addressing.to(),
                addressing.cc(),
                addressing.mailboxes().stream()
                        .map(m -> new Mailbox(m.id().value(), m.address(), m.displayName()))
                        .toList(),
                addressing.defaultMailbox() == null
                        ? null
                        : addressing.defaultMailbox().value());
    }

    @PostMapping(path = "/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Sent> reply(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @RequestBody ReplyRequest request) {
        return created(id, mail.reply(new CaseId(id), request.command(), List.of(), me));
    }

    @PostMapping(path = "/replies", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Sent> replyWithFiles(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable List<String> to,
            @RequestParam(required = false) @Nullable List<String> cc,
            @RequestParam(required = false) @Nullable List<String> bcc,
            @RequestParam(required = false) @Nullable UUID mailboxId,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
        var request = new ReplyRequest(to, cc, bcc, mailboxId, body);
        return created(id, mail.reply(new CaseId(id), request.command(), FileCheck.uploads(files), me));
    }

    @PostMapping(path = "/forwards", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Sent> forward(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @RequestBody ForwardRequest request) {
        return created(id, mail.forward(new CaseId(id), request.command(), List.of(), me));
    }

    @PostMapping(path = "/forwards", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Sent> forwardWithFiles(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable List<String> to,
            @RequestParam(required = false) @Nullable UUID entryId,
            @RequestParam(required = false) @Nullable UUID mailboxId,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
        var request = new ForwardRequest(to, entryId, mailboxId, body);
        return created(id, mail.forward(new CaseId(id), request.command(), FileCheck.uploads(files), me));
    }

    private static ResponseEntity<Sent> created(UUID caseId, TimelineEntry entry) {
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/timeline"))
                .body(Sent.of(entry));
    }
}
