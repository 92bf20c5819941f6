package dev.casekeeper.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A file of an import and what it holds, known by its name as the source's export names it. The
 * plan of a run is its files in the order they must be read (organizations before the users who
 * belong to them, users before their tickets, tickets before comments exported apart); it is the
 * same on every run of the same folder, so a checkpoint's file index means the same file.
 */
record ImportFile(Kind kind, Path path) {

    enum Kind {
        ORGANIZATIONS("organizations"),
        USERS("users"),
        TICKET_FIELDS("ticket_fields"),
        TICKETS("tickets"),
        COMMENTS("comments"),
        CUSTOMERS(""),
        CASES("");

        /** The array a Zendesk export page keeps its records under. */
        final String collection;

        Kind(String collection) {
            this.collection = collection;
        }
    }

    String name() {
        return path.getFileName().toString();
    }

    /** The files of the folder this source reads, in order, and the names of those it does not. */
    static Plan plan(ImportSource source, Path directory) throws IOException {
        var files = new ArrayList<ImportFile>();
        var unknown = new ArrayList<String>();
        List<Path> paths;
        try (Stream<Path> listed = Files.list(directory)) {
            paths = listed.filter(Files::isRegularFile).sorted().toList();
        }
        for (var path : paths) {
            var kind = kindOf(source, path.getFileName().toString().toLowerCase(Locale.ROOT));
            if (kind == null) {
                unknown.add(path.getFileName().toString());
            } else {
                files.add(new ImportFile(kind, path));
            }
        }
        files.sort(Comparator.comparing(ImportFile::kind).thenComparing(ImportFile::name));
        return new Plan(List.copyOf(files), List.copyOf(unknown));
    }

    record Plan(List<ImportFile> files, List<String> unknown) {

        boolean has(Kind kind) {
            return files.stream().anyMatch(f -> f.kind() == kind);
        }

        long bytes() throws IOException {
            long total = 0;
            for (var file : files) {
                total += Files.size(file.path());
            }
            return total;
        }
    }

    private static @org.jspecify.annotations.Nullable Kind kindOf(ImportSource source, String name) {
        if (source == ImportSource.CSV) {
            if (!name.endsWith(".csv")) {
                return null;
            }
            return name.startsWith("customers") ? Kind.CUSTOMERS : name.startsWith("cases") ? Kind.CASES : null;
        }
        if (!(name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson"))) {
            return null;
        }
        if (name.startsWith("organizations")) {
            return Kind.ORGANIZATIONS;
        }
        if (name.startsWith("users")) {
            return Kind.USERS;
        }
        if (name.startsWith("ticket_fields")) {
            return Kind.TICKET_FIELDS;
        }
        if (name.startsWith("ticket_comments") || name.startsWith("comments")) {
            return Kind.COMMENTS;
        }
        return name.startsWith("tickets") ? Kind.TICKETS : null;
    }
}
