package dev.casekeeper.knowledge;

import java.util.List;

/** What changed between two revisions of an article, line by line, in unified diff form. */
public record RevisionDiff(int from, int to, List<Line> lines) {

    /** A line of the difference: {@code added}, {@code removed}, {@code same} or a {@code hunk} header. */
    public record Line(String kind, String text) {}

    public String unified() {
        return String.join("\n", lines.stream().map(Line::text).toList());
    }
}
