package dev.casekeeper.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The fixture exports under {@code src/test/resources/imports/}, copied into a folder of the imports
 * directory for one test. Tests share the database, so each copy gets ids and addresses of its own:
 * every id of the source (an {@code id} or {@code *_id} number) is prefixed with the copy's run
 * number, and every address is moved to a domain of its own.
 */
final class ImportFixtures {

    private static final Pattern IDS = Pattern.compile("(\"(?:id|[a-z]+_id)\"\\s*:\\s*)(\\d+)");

    final long run = ThreadLocalRandom.current().nextLong(100_000, 999_999);
    final String folder = "fixture-" + run;

    /** Copies a fixture folder ({@code zendesk} or {@code csv}) into {@code root/folder}, changed by {@code edit}. */
    Path copy(Path root, String fixture, UnaryOperator<String> edit) {
        try {
            Path source = Path.of("src/test/resources/imports", fixture);
            Path target = root.resolve(folder);
            Files.createDirectories(target);
            try (var files = Files.list(source)) {
                for (Path file : files.toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Files.writeString(
                            target.resolve(file.getFileName()), edit.apply(own(text)), StandardCharsets.UTF_8);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path copy(Path root, String fixture) {
        return copy(root, fixture, UnaryOperator.identity());
    }

    /** A source id of the fixture as this copy has it. */
    String id(long fixtureId) {
        return run + "" + fixtureId;
    }

    /** An address of the fixture as this copy has it. */
    String email(String fixtureEmail) {
        return fixtureEmail.replace("@example.com", "@r" + run + ".example.com");
    }

    private String own(String text) {
        return IDS.matcher(text.replace("@example.com", "@r" + run + ".example.com"))
                .replaceAll(m -> m.group(1) + run + m.group(2));
    }
}
