package dev.casekeeper.portal;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.SafeDownload;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Files customers attached in the portal, for agents who may see the case (the API, and
 * {@code /attachments/web/…} for the case page's links), served as email attachments are.
 */
@RestController
@RequestMapping({"/api/v1/attachments/web", "/attachments/web"})
class WebAttachmentsRestController {

    private final PortalAttachments files;

    WebAttachmentsRestController(PortalAttachments files) {
        this.files = files;
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        var file = files.forAgent(me, id);
        return SafeDownload.of(file.filename(), file.contentType(), file.content());
    }
}
