package dev.casekeeper.customers;

import dev.casekeeper.shared.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normal forms of emails and phone numbers, so that one address is one identity however it is typed. */
final class IdentityValues {

    // Deliberately loose: the mail server is the judge of an address; this only refuses what is clearly not one.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private IdentityValues() {}

    static String normalize(IdentityKind kind, String value) {
        return switch (kind) {
            case EMAIL -> email(value);
            case PHONE -> phone(value);
        };
    }

    static String email(String value) {
        String email = value.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "'" + value + "' is not an email address");
        }
        return email;
    }

    /** Keeps a leading + and the digits; "+1 (555) 010-2030" and "+15550102030" are the same phone. */
    static String phone(String value) {
        String trimmed = value.strip();
        String digits = trimmed.replaceAll("[^0-9]", "");
        if (digits.length() < 5 || digits.length() > 15 || !trimmed.matches("^\\+?[0-9 ().\\-/]+$")) {
            throw new InvalidInputException("phone", "'" + value + "' is not a phone number");
        }
        return (trimmed.startsWith("+") ? "+" : "") + digits;
    }
}
