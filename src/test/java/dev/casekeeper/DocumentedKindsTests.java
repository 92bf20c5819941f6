package dev.casekeeper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.CodeCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What an integrator reads in {@code docs/} names every notification kind and timeline event type
 * the code writes: a kind added in the code and not in the docs fails here.
 */
class DocumentedKindsTests {

    @Test
    void everyNotificationKindIsDocumented() throws IOException {
        var kinds = CodeCatalog.notificationKinds();
        assertThat(kinds).contains("sla_warning", "case_heated", "supervisor_requested", "hold_limit");
        String docs = docs();
        assertThat(kinds)
                .as("notification kinds no page of docs/ names")
                .filteredOn(kind -> !docs.contains("`" + kind + "`"))
                .isEmpty();
    }

    @Test
    void everyTimelineEventTypeIsDocumented() throws IOException {
        var types = CodeCatalog.timelineEventTypes();
        assertThat(types).contains("assigned", "status_changed", "promise_recorded", "promise_kept", "sla_breached");
        String docs = docs();
        assertThat(types)
                .as("timeline event types no page of docs/ names")
                .filteredOn(type -> !docs.contains("`" + type + "`"))
                .isEmpty();
    }

    private static String docs() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("docs"))) {
            return files.filter(f -> f.toString().endsWith(".md"))
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.joining("\n"));
        }
    }
}
