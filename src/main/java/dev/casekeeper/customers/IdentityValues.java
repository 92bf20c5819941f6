package dev.casekeeper.customers;

import dev.casekeeper.shared.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normal forms of emails and phone numbers, so that one address is one identity however it is typed. */
final class IdentityValues {

    // Deliberately loose: the mail server is the judge of an address; this only refuses what is clearly not one.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private IdentityValues() {}

    /** The normal form; {@code field} names the input in the refusal when the value is not one. */
    static String normalize(IdentityKind kind, String value, String field) {
        return switch (kind) {
            case EMAIL -> email(value, field);
            case PHONE -> phone(value, field);
            case CHAT -> chatVisitor(value, field);
        };
    }

    /** A visitor is known by the digest of their token, never by the token itself. */
    static String chatVisitor(String value, String field) {
        String digest = value.strip().toLowerCase(Locale.ROOT);
        if (!digest.matches("^[0-9a-f]{64}$")) {
            throw new InvalidInputException(field, "a chat visitor is identified by a SHA-256 digest in hex");
        }
        return digest;
    }

    static String email(String value) {
        return email(value, "email");
    }

    static String email(String value, String field) {
        String email = value.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException(field, "'" + value + "' is not an email address");
        }
        return email;
    }

    /** Keeps a leading + and the digits; "+1 (555) 010-2030" and "+15550102030" are the same phone. */
    static String phone(String value, String field) {
        String trimmed = value.strip();
        String digits = trimmed.replaceAll("[^0-9]", "");
        if (digits.length() < 5 || digits.length() > 15 || !trimmed.matches("^\\+?[0-9 ().\\-/]+$")) {
            throw new InvalidInputException(field, "'" + value + "' is not a phone number");
        }
        return (trimmed.startsWith("+") ? "+" : "") + digits;
    }
}
