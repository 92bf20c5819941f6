package dev.casekeeper.fields;

import dev.casekeeper.shared.StorableText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Values by type: what may be stored for a field (from a form's text or the API's JSON), and how a
 * stored value reads. A stored value that no longer fits its field (the type changed, an option was
 * removed) still reads as it was, marked outdated.
 */
final class FieldValues {

    static final int MAX_TEXT = 1_000;
    static final int MAX_LONG_TEXT = 20_000;

    private FieldValues() {}

    /** Why a value does not fit its field, in words for the person who typed it. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * The value to store, or null for "empty" (null, blank text, no options).
     *
     * @throws Refused when the value is not of the field's type or not one of its options
     */
    static @Nullable Object parse(Field field, @Nullable Object input) {
        if (input == null
                || input instanceof String s && s.isBlank()
                || input instanceof Collection<?> c && c.isEmpty()) {
            return null;
        }
        return switch (field.type()) {
            case TEXT -> {
                String text = text(input).strip();
                if (text.contains("\n") || text.length() > MAX_TEXT) {
                    throw new Refused("must be one line of at most " + MAX_TEXT + " characters");
                }
                yield text;
            }
            case LONG_TEXT -> {
                String text = text(input).strip();
                if (text.length() > MAX_LONG_TEXT) {
                    throw new Refused("must be at most " + MAX_LONG_TEXT + " characters");
                }
                yield text;
            }
            case NUMBER -> {
                var number = number(input, "must be a whole number");
                try {
                    yield new BigDecimal(number.toBigIntegerExact());
                } catch (ArithmeticException e) {
                    throw new Refused("must be a whole number");
                }
            }
            case DECIMAL -> number(input, "must be a number");
            case DATE -> {
                try {
                    yield LocalDate.parse(text(input).strip()).toString();
                } catch (DateTimeParseException e) {
                    throw new Refused("must be a date as YYYY-MM-DD");
                }
            }
            case DROPDOWN -> option(field, text(input).strip());
            case MULTI_SELECT -> {
                var picked = new ArrayList<String>();
                for (Object one : input instanceof Collection<?> c ? c : List.of(input)) {
                    picked.add(option(field, text(one).strip()));
                }
                // In the options' order, each once, so equal choices store equal values.
                yield field.options().stream().filter(picked::contains).toList();
            }
            case CHECKBOX -> {
                if (input instanceof Boolean b) {
                    yield b;
                }
                yield switch (text(input).strip().toLowerCase(Locale.ROOT)) {
                    case "true", "on", "yes" -> true;
                    case "false", "off", "no" -> false;
                    default -> throw new Refused("must be true or false");
                };
            }
        };
    }

    /** The stored value as people read it; {@code yes}/{@code no} stand for a checkbox's words. */
    static String text(Field field, Object stored, String yes, String no) {
        if (stored instanceof Boolean b) {
            return b ? yes : no;
        }
        if (stored instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (stored instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(stored);
    }

    /** Whether a stored value still fits its field as the field is now. */
    static boolean fits(Field field, Object stored) {
        try {
            var again = parse(field, stored instanceof BigDecimal d ? d.toPlainString() : stored);
            return again != null && again.equals(stored instanceof Collection<?> c ? List.copyOf(c) : stored);
        } catch (Refused e) {
            return false;
        }
    }

    private static String text(Object input) {
        if (input instanceof String s) {
            if (!StorableText.isStorable(s)) {
                throw new Refused(StorableText.problem(s));
            }
            return s;
        }
        if (input instanceof Number || input instanceof Boolean) {
            return input.toString();
        }
        throw new Refused("must be text");
    }

    private static BigDecimal number(Object input, String refusal) {
        if (input instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros();
        }
        if (input instanceof Number n) {
            return number(new BigDecimal(n.toString()), refusal);
        }
        if (input instanceof String s) {
            try {
                return number(new BigDecimal(s.strip()), refusal);
            } catch (NumberFormatException e) {
                throw new Refused(refusal);
            }
        }
        throw new Refused(refusal);
    }

    private static String option(Field field, String value) {
        return field.options().stream()
                .filter(o -> o.equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new Refused("must be one of " + String.join(", ", field.options())));
    }
}
