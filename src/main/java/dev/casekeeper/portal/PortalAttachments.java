package dev.casekeeper.portal;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.cases.FileRefused;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a customer attaches to a message in the portal: at most {@value #MAX_FILES}, each at most
 * {@value #MAX_FILE_MB} MB, of a few kinds people send to a help desk (pictures, PDF, plain text,
 * office documents), checked as every attachment is ({@link FileCheck}). Stored in PostgreSQL like email attachments, and shown to the customer only on
 * her own cases, to agents only on cases they may see: to anyone else a file does not exist.
 */
@Service
@Transactional
class PortalAttachments {

    static final int MAX_FILES = 5;
    static final int MAX_FILE_MB = 10;
    static final long MAX_FILE_BYTES = MAX_FILE_MB * 1024L * 1024L;

    /** A file as it came from the browser: its name (a hint only) and bytes. */
    record Upload(String filename, byte[] content) {}

    /** A checked file, ready to store with the message. */
    record Checked(WebFacts.Attachment attachment, byte[] content) {}

    /** A stored file, for serving. */
    record StoredFile(UUID caseId, String filename, String contentType, byte[] content) {}

    private final JdbcClient jdbc;
    private final CaseLookup cases;
    private final Clock clock;

    PortalAttachments(JdbcClient jdbc, CaseLookup cases, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Checks the files before anything is written, with the rules every attachment follows
     * ({@link FileCheck}) and the portal's limits.
     *
     * @throws FileRefused naming the file and the rule it broke
     */
    static List<Checked> check(List<Upload> uploads) {
        return FileCheck.check(
                        uploads.stream()
                                .map(u -> new FileCheck.Upload(u.filename(), u.content()))
                                .toList(),
                        MAX_FILES,
                        MAX_FILE_BYTES)
                .stream()
                .map(file -> new Checked(
                        new WebFacts.Attachment(file.id(), file.filename(), file.contentType(), file.size()),
                        file.content()))
                .toList();
    }

    void store(CaseId caseId, UUID entryId, CustomerId customer, List<Checked> files) {
        for (int i = 0; i < files.size(); i++) {
            var file = files.get(i);
            jdbc.sql("""
                            insert into portal.attachment
                                (id, case_id, entry_id, customer_id, position, filename, content_type, size, content, created_at)
                            values (:id, :case, :entry, :customer, :position, :filename, :type, :size, :content, :now)
                            """)
                    .param("id", file.attachment().id())
                    .param("case", caseId.value())
                    .param("entry", entryId)
                    .param("customer", customer.value())
                    .param("position", i)
                    .param("filename", file.attachment().filename())
                    .param("type", file.attachment().contentType())
                    .param("size", file.attachment().size())
                    .param("content", file.content())
                    .param("now", java.sql.Timestamp.from(clock.instant()))
                    .update();
        }
    }

    /** A file on one of the customer's own cases (the rule of PortalCases.own); else not found. */
    @Transactional(readOnly = true)
    StoredFile forCustomer(CustomerId customer, UUID id) {
        var file = find(id).orElseThrow(() -> new NotFoundException("Attachment", id));
        cases.byId(new CaseId(file.caseId()))
                .filter(kase -> kase.requesterId().equals(customer))
                .orElseThrow(() -> new NotFoundException("Attachment", id));
        return file;
    }

    /** A file on a case the agent may see; else not found. */
    @Transactional(readOnly = true)
    StoredFile forAgent(SignedInAgent viewer, UUID id) {
        var file = find(id).orElseThrow(() -> new NotFoundException("Attachment", id));
        try {
            cases.find(new CaseId(file.caseId()), viewer);
        } catch (NotFoundException e) {
            throw new NotFoundException("Attachment", id);
        }
        return file;
    }

    private Optional<StoredFile> find(UUID id) {
        return jdbc.sql("select case_id, filename, content_type, content from portal.attachment where id = :id")
                .param("id", id)
                .query((rs, n) -> new StoredFile(
                        rs.getObject("case_id", UUID.class),
                        rs.getString("filename"),
                        rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional();
    }
}
