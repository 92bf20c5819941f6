package dev.casekeeper.channels.email;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attachments and original messages, for agents who may see the case they belong to. To everyone
 * else they do not exist.
 */
@Service
@Transactional(readOnly = true)
public class MailFiles {

    private final AttachmentQueries files;
    private final CaseLookup cases;

    MailFiles(AttachmentQueries files, CaseLookup cases) {
        this.files = files;
        this.cases = cases;
    }

    public MailFile attachment(UUID id, SignedInAgent viewer) {
        var file = files.attachment(id).orElseThrow(() -> new NotFoundException("Attachment", id));
        visible(file.caseId(), viewer, "Attachment", id);
        if (file.content() == null) {
            throw new ConflictException(
                    "attachment-not-kept",
                    "The attachment " + file.filename()
                            + " was listed but not kept (over the size or count limit, or unreadable); the original message has it");
        }
        return new MailFile(file.filename(), file.contentType(), file.content());
    }

    /** The message exactly as it arrived. */
    public MailFile original(UUID inboundId, SignedInAgent viewer) {
        var file = files.rawMessage(inboundId).orElseThrow(() -> new NotFoundException("Message", inboundId));
        visible(file.caseId(), viewer, "Message", inboundId);
        return new MailFile(file.filename(), file.contentType(), file.content() == null ? new byte[0] : file.content());
    }

    private void visible(UUID caseId, SignedInAgent viewer, String what, UUID id) {
        try {
            cases.find(new CaseId(caseId), viewer);
        } catch (NotFoundException e) {
            throw new NotFoundException(what, id);
        }
    }
}
