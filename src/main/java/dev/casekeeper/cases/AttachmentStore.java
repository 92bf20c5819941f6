package dev.casekeeper.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the files agents attach ({@code cases.attachment}). */
@Repository
class AttachmentStore {

    private final JdbcClient jdbc;

    AttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID caseId, UUID entryId, List<FileCheck.Checked> files, Instant now) {
        for (int i = 0; i < files.size(); i++) {
            var file = files.get(i);
            jdbc.sql("""
                            insert into cases.attachment
                                (id, case_id, entry_id, position, filename, content_type, size, content, created_at)
                            values (:id, :case, :entry, :position, :filename, :type, :size, :content, :now)
                            """)
                    .param("id", file.id())
                    .param("case", caseId)
                    .param("entry", entryId)
                    .param("position", i)
                    .param("filename", file.filename())
                    .param("type", file.contentType())
                    .param("size", file.size())
                    .param("content", file.content())
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    Optional<AgentAttachments.StoredFile> find(UUID id) {
        return jdbc.sql("select id, case_id, filename, content_type, content from cases.attachment where id = :id")
                .param("id", id)
                .query((rs, n) -> file(rs))
                .optional();
    }

    List<AgentAttachments.StoredFile> ofEntry(UUID entryId) {
        return jdbc.sql("""
                        select id, case_id, filename, content_type, content from cases.attachment
                        where entry_id = :entry order by position""").param("entry", entryId).query((rs, n) -> file(rs)).list();
    }

    List<AttachedFiles.File> describe(UUID entryId) {
        return jdbc.sql("""
                        select id, filename, content_type, size from cases.attachment
                        where entry_id = :entry order by position""")
                .param("entry", entryId)
                .query((rs, n) -> new AttachedFiles.File(
                        rs.getObject("id", UUID.class),
                        rs.getString("filename"),
                        rs.getString("content_type"),
                        rs.getLong("size")))
                .list();
    }

    private static AgentAttachments.StoredFile file(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AgentAttachments.StoredFile(
                rs.getObject("id", UUID.class),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getBytes("content"));
    }
}
