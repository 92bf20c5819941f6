package dev.casekeeper.cases;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/** A case's tags were replaced: {@code from} before, {@code to} after, as stored. */
@NamedInterface("events")
public record TagsChanged(CaseId caseId, List<String> from, List<String> to) {

    public TagsChanged {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }
}
