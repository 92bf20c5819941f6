package dev.casekeeper.portal;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a customer attaches to a message in the portal: at most {@value #MAX_FILES}, each at most
 * {@value #MAX_FILE_MB} MB, of a few kinds people send to a help desk (pictures, PDF, plain text,
 * office documents). The kind is sniffed from the bytes with Apache Tika; what the browser declared
 * is never asked. Stored in PostgreSQL like email attachments, and shown to the customer only on
 * her own cases, to agents only on cases they may see: to anyone else a file does not exist.
 */
@Service
@Transactional
class PortalAttachments {

    static final int MAX_FILES = 5;
    static final int MAX_FILE_MB = 10;
    static final long MAX_FILE_BYTES = MAX_FILE_MB * 1024L * 1024L;
    static final int MAX_NAME = 200;

    /** Pictures a browser shows without running anything. */
    static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** What may be attached: pictures, PDF, plain text and CSV, office documents. Never HTML, SVG, scripts or programs. */
    static final Set<String> ALLOWED = Set.of(
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "application/pdf",
            "text/plain",
            "text/csv",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/msword",
            "application/vnd.ms-excel");

    private static final Tika TIKA = new Tika();

    /** A file as it came from the browser: its name (a hint only) and bytes. */
    record Upload(String filename, byte[] content) {}

    /** A file refused, and why: {@code tooMany}, {@code tooLarge}, {@code type} or {@code empty}. */
    static final class Refused extends RuntimeException {
        final String reason;
        final String filename;

        Refused(String reason, String filename) {
            super(filename + ": " + reason, null, false, false);
            this.reason = reason;
            this.filename = filename;
        }
    }

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

    /** Checks the files before anything is written; the first one refused refuses them all. */
    static List<Checked> check(List<Upload> uploads) {
        var files = uploads.stream()
                .filter(u -> !(u.content().length == 0 && u.filename().isBlank()))
                .toList();
        if (files.size() > MAX_FILES) {
            throw new Refused("tooMany", "");
        }
        var checked = new ArrayList<Checked>();
        for (var upload : files) {
            String name = filename(upload.filename());
            if (upload.content().length == 0) {
                throw new Refused("empty", name);
            }
            if (upload.content().length > MAX_FILE_BYTES) {
                throw new Refused("tooLarge", name);
            }
            String type = sniff(upload.content(), name);
            if (!ALLOWED.contains(type)) {
                throw new Refused("type", name);
            }
            checked.add(new Checked(
                    new WebFacts.Attachment(UUID.randomUUID(), name, type, upload.content().length), upload.content()));
        }
        return checked;
    }

    /** The type the bytes are, by their magic numbers (the name only narrows what the bytes allow). */
    static String sniff(byte[] content, String filename) {
        return TIKA.detect(content, filename).toLowerCase(Locale.ROOT);
    }

    /** The name without any path, control characters or surrounding space, at most {@value #MAX_NAME} characters. */
    static String filename(String declared) {
        String name = declared.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "")
                .strip();
        if (name.length() > MAX_NAME) {
            name = name.substring(name.length() - MAX_NAME);
        }
        return name.isEmpty() ? "file" : name;
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
