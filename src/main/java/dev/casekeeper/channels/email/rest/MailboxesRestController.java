package dev.casekeeper.channels.email.rest;

import dev.casekeeper.channels.email.MailboxId;
import dev.casekeeper.channels.email.MailboxManagement;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Mailboxes (admin only). */
@RestController
@RequestMapping("/api/v1/mailboxes")
class MailboxesRestController {

    private final MailboxManagement mailboxes;

    MailboxesRestController(MailboxManagement mailboxes) {
        this.mailboxes = mailboxes;
    }

    @PostMapping
    ResponseEntity<MailboxResponse> create(@Valid @RequestBody MailboxRequest request) {
        var mailbox = mailboxes.create(request.command());
        return ResponseEntity.created(URI.create("/api/v1/mailboxes/" + mailbox.id()))
                .body(MailboxResponse.of(mailbox));
    }

    @GetMapping
    List<MailboxResponse> list() {
        return mailboxes.list().stream().map(MailboxResponse::of).toList();
    }

    @GetMapping("/{id}")
    MailboxResponse find(@PathVariable UUID id) {
        return MailboxResponse.of(mailboxes.find(new MailboxId(id)));
    }

    /** Replaces the mailbox's settings; a password left out keeps the stored one. */
    @PutMapping("/{id}")
    MailboxResponse replace(@PathVariable UUID id, @Valid @RequestBody MailboxRequest request) {
        return MailboxResponse.of(mailboxes.replace(new MailboxId(id), request.command()));
    }
}
