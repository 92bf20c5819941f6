package dev.casekeeper.channels.email.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.channels.email.MailFile;
import dev.casekeeper.channels.email.MailFiles;
import dev.casekeeper.shared.SafeDownload;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attachments and original messages. Whatever a customer sent is served so that a browser never
 * runs it: only plain raster images are shown inline, everything else is a download, the type is
 * never sniffed, and the response is sandboxed. The same files are at {@code /email/…} for signed-in
 * pages, where inline images in a message's HTML point.
 */
@RestController
@RequestMapping({"/api/v1/email", "/email"})
class MailFilesRestController {

    private final MailFiles files;

    MailFilesRestController(MailFiles files) {
        this.files = files;
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return serve(files.attachment(id, me));
    }

    /** The message exactly as it arrived, for "show original" and for messages that could not be read. */
    @GetMapping("/messages/{id}/raw")
    ResponseEntity<byte[]> original(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return serve(files.original(id, me));
    }

    private static ResponseEntity<byte[]> serve(MailFile file) {
        return SafeDownload.of(file.filename(), file.contentType(), file.content());
    }
}
