package dev.casekeeper.web;

import dev.casekeeper.shared.AcceptedDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Dates and times in query and path parameters, read as ISO 8601 (an instant also as RFC 1123, as
 * Spring reads it) and held to {@link AcceptedDates}. A parameter with a {@code @DateTimeFormat}
 * pattern of its own is left to Spring's formatter.
 */
final class AcceptedDateConverter implements ConditionalGenericConverter {

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(
                new ConvertiblePair(String.class, Instant.class),
                new ConvertiblePair(String.class, OffsetDateTime.class),
                new ConvertiblePair(String.class, ZonedDateTime.class),
                new ConvertiblePair(String.class, LocalDateTime.class),
                new ConvertiblePair(String.class, LocalDate.class));
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        var format = targetType.getAnnotation(DateTimeFormat.class);
        return format == null || (format.pattern().isEmpty() && format.fallbackPatterns().length == 0);
    }

    @Override
    public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        String text = source == null ? "" : ((String) source).strip();
        if (text.isEmpty()) {
            return null;
        }
        Class<?> type = targetType.getType();
        TemporalAccessor value;
        if (type == Instant.class) {
            value = Character.isLetter(text.charAt(0))
                    ? DateTimeFormatter.RFC_1123_DATE_TIME.parse(text, Instant::from)
                    : DateTimeFormatter.ISO_DATE_TIME.parse(text, Instant::from);
        } else if (type == OffsetDateTime.class) {
            value = OffsetDateTime.parse(text);
        } else if (type == ZonedDateTime.class) {
            value = ZonedDateTime.parse(text);
        } else if (type == LocalDateTime.class) {
            value = LocalDateTime.parse(text);
        } else {
            value = LocalDate.parse(text);
        }
        if (!AcceptedDates.contains(value)) {
            throw new OutOfRangeException();
        }
        return value;
    }

    /** The page or problem says {@link AcceptedDates#PROBLEM}. */
    static final class OutOfRangeException extends IllegalArgumentException {
        OutOfRangeException() {
            super(AcceptedDates.PROBLEM);
        }
    }
}
