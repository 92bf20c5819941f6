package dev.casekeeper.channels.chat;

import dev.casekeeper.cases.AgentAttachments;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.SafeDownload;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A file an agent sent in a chat, for the customer's widget by its signed link ({@link ChatFileLinks}),
 * served with the safe headers every attachment gets. A link changed in any way, expired, or naming a
 * file that is not of that chat's agent messages finds nothing.
 */
@RestController
class ChatFilesController {

    private final ChatFileLinks links;
    private final ConversationQueries conversations;
    private final AgentAttachments attachments;

    ChatFilesController(ChatFileLinks links, ConversationQueries conversations, AgentAttachments attachments) {
        this.links = links;
        this.conversations = conversations;
        this.attachments = attachments;
    }

    @GetMapping("/chat/files/{id}")
    ResponseEntity<byte[]> file(
            @PathVariable UUID id,
            @RequestParam UUID entry,
            @RequestParam UUID chat,
            @RequestParam long expires,
            @RequestParam String sig) {
        if (!links.valid(id, entry, chat, expires, sig) || !conversations.sentByAgent(chat, entry)) {
            throw new NotFoundException("File", id);
        }
        var file = attachments.ofEntry(entry).stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("File", id));
        return SafeDownload.of(file.filename(), file.contentType(), file.content());
    }
}
