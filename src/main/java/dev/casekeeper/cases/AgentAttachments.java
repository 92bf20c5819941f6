package dev.casekeeper.cases;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files agents attach to replies, notes and chat lines: checked with {@link FileCheck} and the
 * limits of {@link AttachmentSettings} before anything is written, stored with the timeline entry
 * in the same transaction, shown to agents who may see the case, sent by channels with the message.
 */
@Service
@Transactional(readOnly = true)
public class AgentAttachments {

    /** A stored file. */
    public record StoredFile(UUID id, CaseId caseId, String filename, String contentType, byte[] content) {}

    private final AttachmentStore store;
    private final CaseLookup cases;
    private final AttachmentSettings settings;

    AgentAttachments(AttachmentStore store, CaseLookup cases, AttachmentSettings settings) {
        this.store = store;
        this.cases = cases;
        this.settings = settings;
    }

    /**
     * Checks an agent's files against the limits; nothing is stored.
     *
     * @throws FileRefused naming the file and the rule it broke
     */
    public List<FileCheck.Checked> check(List<FileCheck.Upload> uploads) {
        return FileCheck.check(
                uploads, settings.maxFiles(), settings.maxFileSize().toBytes());
    }

    public AttachmentSettings settings() {
        return settings;
    }

    /** Stores checked files with their entry, inside the caller's transaction. */
    @Transactional
    void store(UUID caseId, UUID entryId, List<FileCheck.Checked> files, Instant now) {
        store.insert(caseId, entryId, files, now);
    }

    static AttachedFiles facts(List<FileCheck.Checked> files) {
        return new AttachedFiles(files.stream()
                .map(f -> new AttachedFiles.File(f.id(), f.filename(), f.contentType(), f.size()))
                .toList());
    }

    /** A file on a case the agent may see; to anyone else it does not exist. */
    public StoredFile forAgent(UUID id, SignedInAgent viewer) {
        var file = store.find(id).orElseThrow(() -> new NotFoundException("Attachment", id));
        if (!cases.visibleTo(file.caseId(), viewer)) {
            throw new NotFoundException("Attachment", id);
        }
        return file;
    }

    /** The files of one entry, in the order they were attached: for the channel that sends it. */
    public List<StoredFile> ofEntry(UUID entryId) {
        return store.ofEntry(entryId);
    }

    /** What files one entry has (names, types, sizes, without their bytes), in the order they were attached. */
    public List<AttachedFiles.File> describe(UUID entryId) {
        return store.describe(entryId);
    }
}
