package dev.casekeeper.audit;

import java.util.UUID;

/** What an audit entry is about: a type ({@code agent}, {@code case}, {@code customer}, ...) and its id. */
public record AuditSubject(String type, String id) {

    public static AuditSubject of(String type, UUID id) {
        return new AuditSubject(type, id.toString());
    }
}
