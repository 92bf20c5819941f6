package dev.casekeeper.knowledge;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;

/** The difference between two revisions, drawn by java-diff-utils as a unified diff of title, summary and text. */
final class RevisionDiffs {

    private static final int CONTEXT = 3;

    private RevisionDiffs() {}

    static RevisionDiff between(Revision older, Revision newer) {
        List<String> before = lines(older);
        List<String> after = lines(newer);
        var patch = DiffUtils.diff(before, after);
        var unified = UnifiedDiffUtils.generateUnifiedDiff(
                "revision " + older.number(), "revision " + newer.number(), before, patch, CONTEXT);
        var lines = new ArrayList<RevisionDiff.Line>();
        for (String line : unified) {
            String kind;
            if (line.startsWith("+++") || line.startsWith("---")) {
                kind = "file";
            } else if (line.startsWith("@@")) {
                kind = "hunk";
            } else if (line.startsWith("+")) {
                kind = "added";
            } else if (line.startsWith("-")) {
                kind = "removed";
            } else {
                kind = "same";
            }
            lines.add(new RevisionDiff.Line(kind, line));
        }
        return new RevisionDiff(older.number(), newer.number(), List.copyOf(lines));
    }

    private static List<String> lines(Revision revision) {
        var lines = new ArrayList<String>();
        lines.add("# " + revision.title());
        lines.add("");
        lines.addAll(revision.summary().lines().toList());
        lines.add("");
        lines.addAll(revision.body().lines().toList());
        return lines;
    }
}
