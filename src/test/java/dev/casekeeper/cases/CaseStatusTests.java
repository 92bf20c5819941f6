package dev.casekeeper.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transition table exists once in the code and once in the user docs; these tests hold every
 * cell of the code's table against the documented one, so the two cannot drift apart.
 */
class CaseStatusTests {

    record Transition(CaseStatus from, CaseStatus to) {}

    static Stream<Arguments> everyPairOfStatuses() throws IOException {
        Set<Transition> documented = documentedTransitions();
        return Arrays.stream(CaseStatus.values())
                .flatMap(from -> Arrays.stream(CaseStatus.values())
                        .map(to -> Arguments.of(from, to, documented.contains(new Transition(from, to)))));
    }

    @ParameterizedTest(name = "{0} -> {1}: allowed {2}")
    @MethodSource("everyPairOfStatuses")
    void allowsExactlyTheTransitionsTheApiGuideDocuments(CaseStatus from, CaseStatus to, boolean documentedAsAllowed) {
        assertThat(from.canBecome(to)).isEqualTo(documentedAsAllowed);
        assertThat(from.next().contains(to)).isEqualTo(documentedAsAllowed);
    }

    @Test
    void theTableInTheCodeCommentSaysWhatTheApiGuideSays() throws IOException {
        assertThat(commentedTransitions()).isEqualTo(documentedTransitions());
    }

    @Test
    void theApiGuideTableHasEveryStatusAndSomeTransitions() throws IOException {
        // Guards the parsing above: an empty or renamed table must not make every cell "refused".
        var documented = documentedTransitions();
        assertThat(documented).hasSizeGreaterThan(10);
        assertThat(documented)
                .contains(
                        new Transition(CaseStatus.NEW, CaseStatus.OPEN),
                        new Transition(CaseStatus.SOLVED, CaseStatus.CLOSED));
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void noStatusBecomesItselfOrGoesBackToNew(CaseStatus status) {
        assertThat(status.canBecome(status)).isFalse();
        assertThat(status.canBecome(CaseStatus.NEW)).isFalse();
    }

    @Test
    void aClosedCaseIsFinal() {
        assertThat(CaseStatus.CLOSED.next()).isEmpty();
    }

    @Test
    void onlyASolvedCaseCanBeClosed() {
        assertThat(Arrays.stream(CaseStatus.values()).filter(s -> s.canBecome(CaseStatus.CLOSED)))
                .containsExactly(CaseStatus.SOLVED);
    }

    @Test
    void theSetOfNextStatusesCannotBeChangedByACaller() {
        assertThatThrownBy(() -> CaseStatus.NEW.next().add(CaseStatus.CLOSED))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(CaseStatus.NEW.canBecome(CaseStatus.CLOSED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void readsBackTheValueItWrites(CaseStatus status) {
        assertThat(CaseStatus.from(status.value())).isEqualTo(status);
        assertThat(CaseStatus.from(status.value().toUpperCase())).isEqualTo(status);
    }

    @Test
    void writesStatusesInLowerCaseWithUnderscores() {
        assertThat(Arrays.stream(CaseStatus.values()).map(CaseStatus::value))
                .containsExactly("new", "open", "pending", "on_hold", "solved", "closed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "reopened", "on-hold", "onhold"})
    void refusesAStatusThatDoesNotExist(String value) {
        assertThatThrownBy(() -> CaseStatus.from(value)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The "Allowed transitions" table of docs/api.md: a ✓ marks an allowed move. */
    static Set<Transition> documentedTransitions() throws IOException {
        var lines = Files.readAllLines(Path.of("docs/api.md"));
        int header = indexOf(lines, "| from \\ to |");
        return transitions(lines, header, "|", "✓");
    }

    /** The table in the Javadoc of {@link CaseStatus}: an x marks an allowed move. */
    static Set<Transition> commentedTransitions() throws IOException {
        var lines = Files.readAllLines(Path.of("src/main/java/dev/casekeeper/cases/CaseStatus.java")).stream()
                .map(line -> line.replaceFirst("^\\s*\\*\\s?", ""))
                .map(line -> line.replaceAll("\\(final\\)", ""))
                .toList();
        int header = indexOf(lines, "from \\ to");
        return transitions(lines, header, " ", "x");
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no transition table starting with '" + start + "'");
    }

    private static Set<Transition> transitions(List<String> lines, int header, String separator, String allowedMark) {
        List<String> columns = cells(lines.get(header).replace("from \\ to", ""), separator);
        var allowed = new HashSet<Transition>();
        int rows = 0;
        for (int i = header + 1; i < lines.size() && rows < CaseStatus.values().length; i++) {
            String line = lines.get(i);
            if (line.matches("^[|\\s-]*$")) {
                continue; // the markdown rule under the header
            }
            // A cell may be empty in markdown; split keeps the positions there.
            List<String> cells = separator.equals("|") ? markdownCells(line) : positionalCells(lines.get(header), line);
            CaseStatus from = CaseStatus.from(cells.getFirst());
            for (int c = 0; c < columns.size(); c++) {
                if (cells.get(c + 1).equals(allowedMark)) {
                    allowed.add(new Transition(from, CaseStatus.from(columns.get(c))));
                }
            }
            rows++;
        }
        assertThat(rows).as("rows of the table").isEqualTo(CaseStatus.values().length);
        return allowed;
    }

    private static List<String> cells(String line, String separator) {
        return Arrays.stream(line.split(separator.equals("|") ? "\\|" : "\\s+"))
                .map(String::strip)
                .filter(cell -> !cell.isEmpty())
                .toList();
    }

    private static List<String> markdownCells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    /** A cell of the comment's table is whatever sits under its column's heading. */
    private static List<String> positionalCells(String header, String line) {
        var headerCells = cells(header.replace("from \\ to", ""), " ");
        var result = new java.util.ArrayList<String>();
        result.add(line.strip().split("\\s+")[0]);
        for (String column : headerCells) {
            int at = header.indexOf(" " + column + " ") + 1;
            if (at == 0) {
                at = header.lastIndexOf(column);
            }
            int end = Math.min(line.length(), at + column.length());
            result.add(at < line.length() ? line.substring(at, end).strip() : "");
        }
        return result;
    }
}
