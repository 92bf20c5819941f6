package dev.casekeeper.imports;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseImports;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.ImportCase;
import dev.casekeeper.cases.ImportCase.ImportMessage;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerImports;
import dev.casekeeper.customers.ImportCustomer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * CSV files, a batch at a time: {@code customers*.csv} (id, name, email, phone, organization, tags)
 * and {@code cases*.csv} (id, subject, email, name, status, priority, tags, created_at, message, and
 * a column per case field, named like the field). The {@code id} column is the row key a second run
 * finds its record by.
 */
@Component
class CsvImport {

    private static final ImportSource SOURCE = ImportSource.CSV;
    static final Set<String> CASE_COLUMNS =
            Set.of("id", "subject", "email", "name", "phone", "status", "priority", "tags", "created_at", "message");
    static final Set<String> CUSTOMER_COLUMNS = Set.of("id", "name", "email", "phone", "organization", "tags");

    private final CustomerImports customers;
    private final CaseImports cases;
    private final SourceKeys keys;
    private final FieldMapping fields;
    private final Clock clock;

    CsvImport(CustomerImports customers, CaseImports cases, SourceKeys keys, FieldMapping fields, Clock clock) {
        this.customers = customers;
        this.cases = cases;
        this.keys = keys;
        this.fields = fields;
        this.clock = clock;
    }

    Counts write(RunContext run, Batch<Map<String, String>> batch, ImportFile.Kind kind) {
        return switch (kind) {
            case CUSTOMERS -> customers(run, batch);
            case CASES -> cases(run, batch);
            default -> throw new IllegalArgumentException(kind + " is not a CSV file");
        };
    }

    private Counts customers(RunContext run, Batch<Map<String, String>> batch) {
        var records = batch.records();
        var rowKeys = new ArrayList<String>();
        for (int i = 0; i < records.size(); i++) {
            rowKeys.add(key(records.get(i), batch.name(i, null)));
        }
        var known = keys.find(SOURCE, "customer", rowKeys);
        var given = new ArrayList<ImportCustomer>();
        for (int i = 0; i < records.size(); i++) {
            var row = records.get(i);
            String key = rowKeys.get(i);
            if (blank(row.get("email")) && blank(row.get("phone"))) {
                batch.skip(key, "no email and no phone");
                continue;
            }
            var tags = new ArrayList<String>();
            addTag(tags, row.get("organization"));
            Values.split(row.get("tags")).forEach(t -> addTag(tags, t));
            var target = known.get(key);
            given.add(new ImportCustomer(
                    key,
                    target == null || target.id() == null ? null : new CustomerId(target.id()),
                    Objects.requireNonNullElse(row.get("name"), ""),
                    row.get("email"),
                    row.get("phone"),
                    tags.stream().distinct().toList()));
        }
        var outcome = customers.upsert(given);
        outcome.refused().forEach(batch::skip);
        var puts = new ArrayList<SourceKeys.Put>();
        outcome.imported().forEach((key, id) -> puts.add(new SourceKeys.Put(key, id.value(), null)));
        keys.put(SOURCE, "customer", puts, run.jobId(), clock.instant());
        int created = outcome.created().size();
        return batch.counts(created, outcome.imported().size() - created);
    }

    private Counts cases(RunContext run, Batch<Map<String, String>> batch) {
        var records = batch.records();
        var requesters = new ArrayList<ImportCustomer>();
        var rows = new LinkedHashMap<String, Map<String, String>>();
        for (int i = 0; i < records.size(); i++) {
            var row = records.get(i);
            String id = row.get("id");
            if (blank(id)) {
                batch.skip(batch.name(i, null), "no id (the row key a second run finds the case by)");
                continue;
            }
            if (blank(row.get("email"))) {
                batch.skip(id, "no email: whose case it is cannot be told");
                continue;
            }
            requesters.add(new ImportCustomer(
                    id,
                    null,
                    Objects.requireNonNullElse(row.get("name"), ""),
                    row.get("email"),
                    row.get("phone"),
                    List.of()));
            rows.put(id, row);
        }
        var outcome = customers.upsert(requesters);
        outcome.refused().forEach(batch::skip);
        var imported = new ArrayList<ImportCase>();
        var puts = new ArrayList<SourceKeys.Put>();
        rows.forEach((id, row) -> {
            var requester = outcome.imported().get(id);
            if (requester == null) {
                return;
            }
            var caseId = new CaseId(Ids.of(SOURCE, "case", id));
            Instant created = Objects.requireNonNullElse(Values.instant(row.get("created_at")), clock.instant());
            var messages = new ArrayList<ImportMessage>();
            if (!blank(row.get("message"))) {
                messages.add(new ImportMessage(
                        Ids.of(SOURCE, "message", id),
                        caseId,
                        requester,
                        true,
                        row.get("message"),
                        null,
                        new ImportedFacts(SOURCE.value(), id, null, List.of()),
                        created));
            }
            Map<String, @Nullable Object> byName = new HashMap<>();
            row.forEach((column, value) -> {
                if (!CASE_COLUMNS.contains(column)) {
                    byName.put(column, value);
                }
            });
            imported.add(new ImportCase(
                    caseId,
                    Objects.requireNonNullElse(row.get("subject"), ""),
                    requester,
                    Channel.API,
                    status(row.get("status")),
                    ZendeskImport.priority(row.get("priority")),
                    Values.split(row.get("tags")),
                    fields.values(run, batch, id, byName),
                    created,
                    created,
                    messages));
            puts.add(new SourceKeys.Put(id, caseId.value(), null));
        });
        var written = cases.upsert(imported);
        keys.put(SOURCE, "case", puts, run.jobId(), clock.instant());
        return batch.counts(written.created(), written.updated());
    }

    private static CaseStatus status(@Nullable String status) {
        if (blank(status)) {
            return CaseStatus.NEW;
        }
        try {
            return CaseStatus.from(status.strip().replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return CaseStatus.OPEN;
        }
    }

    private static String key(Map<String, String> row, String position) {
        for (String column : List.of("id", "email", "phone")) {
            if (!blank(row.get(column))) {
                return row.get(column).strip();
            }
        }
        return position;
    }

    private static void addTag(List<String> tags, @Nullable String name) {
        String tag = Values.tag(name);
        if (tag != null) {
            tags.add(tag);
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
