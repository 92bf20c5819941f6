package dev.casekeeper.imports;

import dev.casekeeper.fields.Field;
import dev.casekeeper.fields.FieldManagement;
import dev.casekeeper.fields.FieldSubject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an import job: its files in order, a batch at a time, each batch written in one transaction
 * with the checkpoint that follows it. A run that starts again (after a crash, on another node)
 * reads its checkpoint, skips the records before it and goes on; records are written under ids
 * derived from the source's, so even a batch repeated would update, not duplicate.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final JobQueries jobs;
    private final ZendeskImport zendesk;
    private final CsvImport csv;
    private final FieldManagement fields;
    private final ImportSettings settings;
    private final TransactionTemplate transactions;
    private final JsonMapper mapper;
    private final Clock clock;

    ImportRunner(
            JobQueries jobs,
            ZendeskImport zendesk,
            CsvImport csv,
            FieldManagement fields,
            ImportSettings settings,
            TransactionTemplate transactions,
            JsonMapper mapper,
            Clock clock) {
        this.jobs = jobs;
        this.zendesk = zendesk;
        this.csv = csv;
        this.fields = fields;
        this.settings = settings;
        this.transactions = transactions;
        this.mapper = mapper;
        this.clock = clock;
    }

    void run(UUID jobId) {
        var job = jobs.checkpoint(jobId).orElse(null);
        if (job == null || job.state().equals("done") || job.state().equals("failed")) {
            return;
        }
        try {
            Path directory = ImportManagement.resolve(settings.root(), job.directory());
            var plan = ImportFile.plan(job.source(), directory);
            if (job.fileIndex() == 0 && job.position() == 0) {
                transactions.executeWithoutResult(tx ->
                        plan.unknown().forEach(name -> jobs.skip(jobId, name, "-", "not a file this import reads")));
                jobs.advance(jobId, 0, 0, 0, new Counts(0, 0, plan.unknown().size()));
            }
            jobs.started(jobId, plan.bytes(), clock.instant());
            log.info(
                    "Import {} runs {} file(s) from file {} record {}",
                    jobId,
                    plan.files().size(),
                    job.fileIndex(),
                    job.position());
            var run = new RunContext(jobId, plan.has(ImportFile.Kind.COMMENTS), caseFields());
            long bytesBefore = 0;
            for (int index = 0; index < plan.files().size(); index++) {
                var file = plan.files().get(index);
                if (index >= job.fileIndex()) {
                    long start = index == job.fileIndex() ? job.position() : 0;
                    file(run, index, file, start, bytesBefore);
                }
                bytesBefore += java.nio.file.Files.size(file.path());
            }
            jobs.finished(jobId, null, clock.instant());
            log.info("Import {} done", jobId);
        } catch (IOException | UncheckedIOException | JacksonException | IllegalArgumentException e) {
            // The files cannot be read (gone, not JSON, not CSV): the admin fixes them and starts again.
            log.warn("Import {} failed: {}", jobId, e.getMessage(), e);
            jobs.finished(jobId, describe(e), clock.instant());
        } catch (RuntimeException e) {
            // Anything else would fail the same way on every retry: stop, say why, keep what is written.
            log.error("Import {} failed", jobId, e);
            jobs.finished(jobId, describe(e), clock.instant());
        }
    }

    private void file(RunContext run, int index, ImportFile file, long start, long bytesBefore) throws IOException {
        boolean json = file.kind() != ImportFile.Kind.CUSTOMERS && file.kind() != ImportFile.Kind.CASES;
        try (RecordReader<?> reader =
                json ? JsonRecords.open(file.path(), file.kind().collection, mapper) : CsvRecords.open(file.path())) {
            long position = 0;
            while (position < start && reader.next() != null) {
                position++;
            }
            while (true) {
                var records = new ArrayList<Object>();
                Object record;
                while (records.size() < settings.batchSize() && (record = reader.next()) != null) {
                    records.add(record);
                }
                if (records.isEmpty()) {
                    break;
                }
                long first = position + 1;
                position += records.size();
                long at = position;
                long bytes = bytesBefore + reader.bytesRead();
                transactions.executeWithoutResult(tx -> {
                    var counts = write(run, file, first, records);
                    jobs.advance(run.jobId(), index, at, bytes, counts);
                });
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file.name() + ": " + e.getOriginalMessage(), e);
        }
        transactions.executeWithoutResult(tx -> jobs.advance(run.jobId(), index + 1, 0, 0, Counts.NONE));
    }

    @SuppressWarnings("unchecked")
    private Counts write(RunContext run, ImportFile file, long first, List<Object> records) {
        if (file.kind() == ImportFile.Kind.CUSTOMERS || file.kind() == ImportFile.Kind.CASES) {
            var batch = new Batch<>(run.jobId(), file, first, (List<Map<String, String>>) (List<?>) records, jobs);
            return csv.write(run, batch, file.kind());
        }
        var batch =
                new Batch<>(run.jobId(), file, first, (List<tools.jackson.databind.JsonNode>) (List<?>) records, jobs);
        return zendesk.write(run, batch, file.kind());
    }

    private Map<String, Field> caseFields() {
        var byName = new HashMap<String, Field>();
        fields.list(FieldSubject.CASE).forEach(f -> byName.put(f.name().strip().toLowerCase(Locale.ROOT), f));
        return byName;
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
