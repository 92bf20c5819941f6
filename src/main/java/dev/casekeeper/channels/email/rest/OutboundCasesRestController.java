package dev.casekeeper.channels.email.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.channels.email.EmailCustomer;
import dev.casekeeper.channels.email.MailboxId;
import dev.casekeeper.channels.email.OutboundCases;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cases an agent opens by emailing a customer first, as JSON or, with files, as a multipart form;
 * and the mailboxes they may send from. A wrong field is {@code 400} naming it, and nothing is
 * created or sent.
 */
@RestController
@RequestMapping("/api/v1/email")
class OutboundCasesRestController {

    private final OutboundCases outbound;

    OutboundCasesRestController(OutboundCases outbound) {
        this.outbound = outbound;
    }

    /** The new case, as far as the caller needs it to follow it up. */
    record Opened(UUID id, long number, String subject, String status) {

        static Opened of(CaseSummary kase) {
            return new Opened(
                    kase.id().value(),
                    kase.number(),
                    kase.subject(),
                    kase.status().value());
        }
    }

    record EmailRequest(
            @Nullable String to,
            @Nullable String name,
            @Nullable UUID mailboxId,
            @Nullable String subject,
            @Nullable String body,
            @Nullable UUID teamId) {

        EmailCustomer command() {
            return new EmailCustomer(
                    to,
                    name,
                    mailboxId == null ? null : new MailboxId(mailboxId),
                    subject,
                    body,
                    teamId == null ? null : new TeamId(teamId));
        }
    }

    /** A mailbox the caller may send from. */
    record SendingMailboxResponse(UUID id, String address, String name) {}

    @GetMapping("/sending-mailboxes")
    List<SendingMailboxResponse> mailboxes() {
        return outbound.sendingMailboxes().stream()
                .map(m -> new SendingMailboxResponse(m.id().value(), m.address(), m.displayName()))
                .toList();
    }

    @PostMapping(path = "/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Opened> email(@AuthenticationPrincipal SignedInAgent me, @RequestBody EmailRequest request) {
        return created(outbound.email(request.command(), List.of(), me));
    }

    @PostMapping(path = "/cases", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Opened> emailWithFiles(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable UUID mailboxId,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(required = false) @Nullable UUID teamId,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
        var request = new EmailRequest(to, name, mailboxId, subject, body, teamId);
        return created(outbound.email(request.command(), FileCheck.uploads(files), me));
    }

    private static ResponseEntity<Opened> created(CaseSummary kase) {
        return ResponseEntity.created(URI.create("/api/v1/cases/" + kase.id().value()))
                .body(Opened.of(kase));
    }
}
