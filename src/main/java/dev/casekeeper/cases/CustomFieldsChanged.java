package dev.casekeeper.cases;

import java.util.Set;
import org.springframework.modulith.NamedInterface;

/** Values of a case's custom fields changed; {@code keys} are the API keys of the fields that did. */
@NamedInterface("events")
public record CustomFieldsChanged(CaseId caseId, Set<String> keys) {

    public CustomFieldsChanged {
        keys = Set.copyOf(keys);
    }
}
