package dev.casekeeper.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import jobs, their checkpoints and counts, and the report of what they skipped. */
@Repository
class JobQueries {

    /** A job with its checkpoint, for the run. */
    record Checkpoint(UUID id, ImportSource source, String directory, String state, int fileIndex, long position) {}

    private final JdbcClient jdbc;

    JobQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, ImportSource source, String directory, UUID by, Instant now) {
        jdbc.sql("""
                        insert into imports.job (id, source, directory, state, created_by, created_at)
                        values (:id, :source, :directory, 'queued', :by, :now)
                        """)
                .param("id", id)
                .param("source", source.value())
                .param("directory", directory)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<ImportJob> find(UUID id) {
        return jdbc.sql("select * from imports.job where id = :id")
                .param("id", id)
                .query(JobQueries::job)
                .optional();
    }

    List<ImportJob> recent(int limit) {
        return jdbc.sql("select * from imports.job order by created_at desc, id limit :limit")
                .param("limit", limit)
                .query(JobQueries::job)
                .list();
    }

    Optional<Checkpoint> checkpoint(UUID id) {
        return jdbc.sql("select id, source, directory, state, file_index, position from imports.job where id = :id")
                .param("id", id)
                .query((rs, n) -> new Checkpoint(
                        rs.getObject("id", UUID.class),
                        ImportSource.from(rs.getString("source")),
                        rs.getString("directory"),
                        rs.getString("state"),
                        rs.getInt("file_index"),
                        rs.getLong("position")))
                .optional();
    }

    void started(UUID id, long bytesTotal, Instant now) {
        jdbc.sql("""
                        update imports.job set state = 'running', bytes_total = :total,
                            started_at = coalesce(started_at, :now)
                        where id = :id
                        """)
                .param("id", id)
                .param("total", bytesTotal)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Moves the checkpoint past a batch and adds its counts: in the batch's own transaction. */
    void advance(UUID id, int fileIndex, long position, long bytesDone, Counts counts) {
        jdbc.sql("""
                        update imports.job set file_index = :file, position = :position,
                            bytes_done = greatest(bytes_done, :bytes), created = created + :created,
                            updated = updated + :updated, skipped = skipped + :skipped
                        where id = :id
                        """)
                .param("id", id)
                .param("file", fileIndex)
                .param("position", position)
                .param("bytes", bytesDone)
                .param("created", counts.created())
                .param("updated", counts.updated())
                .param("skipped", counts.skipped())
                .update();
    }

    void finished(UUID id, @Nullable String failure, Instant now) {
        jdbc.sql("""
                        update imports.job set state = :state, failure = :failure, finished_at = :now,
                            bytes_done = case when :state = 'done' then bytes_total else bytes_done end
                        where id = :id
                        """)
                .param("id", id)
                .param("state", failure == null ? "done" : "failed")
                .param("failure", failure)
                .param("now", Timestamp.from(now))
                .update();
    }

    void skip(UUID job, String file, String record, String reason) {
        jdbc.sql("insert into imports.skip (job_id, file, record, reason) values (:job, :file, :record, :reason)")
                .param("job", job)
                .param("file", file)
                .param("record", record)
                .param("reason", reason)
                .update();
    }

    List<ImportSkip> skips(UUID job, long after, int limit) {
        return jdbc.sql("""
                        select id, file, record, reason from imports.skip
                        where job_id = :job and id > :after order by id limit :limit
                        """)
                .param("job", job)
                .param("after", after)
                .param("limit", limit)
                .query((rs, n) -> new ImportSkip(
                        rs.getLong("id"), rs.getString("file"), rs.getString("record"), rs.getString("reason")))
                .list();
    }

    private static ImportJob job(ResultSet rs, int n) throws SQLException {
        long total = rs.getLong("bytes_total");
        long done = rs.getLong("bytes_done");
        String state = rs.getString("state");
        int percent = "done".equals(state) ? 100 : total == 0 ? 0 : (int) Math.min(99, done * 100 / total);
        return new ImportJob(
                rs.getObject("id", UUID.class),
                rs.getString("source"),
                rs.getString("directory"),
                state,
                percent,
                rs.getInt("created"),
                rs.getInt("updated"),
                rs.getInt("skipped"),
                rs.getString("failure"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
