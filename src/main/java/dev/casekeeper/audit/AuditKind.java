package dev.casekeeper.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an audit entry records; its {@link #value()} is what the API, the CSV and the filters show. */
public enum AuditKind {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    AGENT_CREATED,
    AGENT_DEACTIVATED,
    ROLE_CHANGED,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    SETTINGS_CHANGED,
    CASE_DELETED,
    CUSTOMER_ERASED,
    EXPORTED,
    CUSTOMERS_MERGED,
    CUSTOMER_MERGE_UNDONE,
    CASES_MERGED,
    CASE_MERGE_UNDONE,
    ACTION_APPROVED,
    ACTION_DECLINED,
    TWO_FACTOR_ENROLLED,
    TWO_FACTOR_DISABLED,
    TWO_FACTOR_CODE_REFUSED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditKind> from(String value) {
        return Arrays.stream(values()).filter(k -> k.value().equals(value)).findFirst();
    }
}
