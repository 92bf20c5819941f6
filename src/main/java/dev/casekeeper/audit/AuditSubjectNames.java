package dev.casekeeper.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Names the subjects of one type for the audit page, a page of entries at a time: the module that
 * owns what entries are about (cases, customers, actions) implements it, so the audit log shows a
 * case's number or a customer's name without reading another module's tables.
 */
public interface AuditSubjectNames {

    /** The subject type named, as entries record it ({@code case}, {@code customer}, ...). */
    String type();

    /**
     * Names as many of these subject ids as still lead somewhere, in one query; the others are left
     * out, and the page shows them as recorded.
     */
    Map<String, AuditSubjectName> names(Set<String> ids);

    /** The ids that are UUIDs (every type but {@code settings}, {@code audit} and {@code report} records them so). */
    static UUID[] uuids(Collection<String> ids) {
        return ids.stream()
                .map(AuditSubjectNames::uuid)
                .filter(Objects::nonNull)
                .toArray(UUID[]::new);
    }

    private static @Nullable UUID uuid(String id) {
        try {
            return id.length() == 36 ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
