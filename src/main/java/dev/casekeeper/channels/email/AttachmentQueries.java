package dev.casekeeper.channels.email;

import dev.casekeeper.channels.email.parse.ParsedMessage;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for attachments and the raw messages agents may download. */
@Repository
class AttachmentQueries {

    private final JdbcClient jdbc;

    AttachmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID inboundId, UUID caseId, List<ParsedMessage.Attachment> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            var a = attachments.get(i);
            jdbc.sql("""
                            insert into email.attachment
                                (id, inbound_id, case_id, position, filename, content_type, size, content_id, inline, content,
                                 omitted_reason)
                            values (:id, :inbound, :case, :position, :filename, :type, :size, :cid, :inline, :content, :omitted)
                            """)
                    .param("id", a.id())
                    .param("inbound", inboundId)
                    .param("case", caseId)
                    .param("position", i)
                    .param("filename", a.filename())
                    .param("type", a.contentType())
                    .param("size", a.size())
                    .param("cid", a.contentId())
                    .param("inline", a.inline())
                    .param("content", a.content())
                    .param("omitted", a.omitted())
                    .update();
        }
    }

    /** A stored file with the case it belongs to (for the visibility check). */
    record StoredFile(UUID caseId, String filename, String contentType, byte @Nullable [] content) {}

    Optional<StoredFile> attachment(UUID id) {
        return jdbc.sql("select case_id, filename, content_type, content from email.attachment where id = :id")
                .param("id", id)
                .query((rs, n) -> new StoredFile(
                        rs.getObject("case_id", UUID.class),
                        rs.getString("filename"),
                        rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional();
    }

    Optional<StoredFile> rawMessage(UUID inboundId) {
        return jdbc.sql("select case_id, raw from email.inbound_message where id = :id and case_id is not null")
                .param("id", inboundId)
                .query((rs, n) -> new StoredFile(
                        rs.getObject("case_id", UUID.class),
                        "message-" + inboundId + ".eml",
                        "message/rfc822",
                        rs.getBytes("raw")))
                .optional();
    }
}
