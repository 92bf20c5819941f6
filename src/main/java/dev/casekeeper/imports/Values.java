package dev.casekeeper.imports;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reading values of an export: ids and texts from JSON, times in ISO 8601, tags from names. */
final class Values {

    private static final Pattern NOT_IN_TAG = Pattern.compile("[^\\p{L}\\p{N}_:.\\-]+");

    private Values() {}

    /** A field as text (an id may be a number or a string), or null when absent, null or blank. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text;
    }

    static @Nullable Instant instant(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A name as a tag here: lower case, spaces as dashes, what tags cannot hold left out; null when nothing is left. */
    static @Nullable String tag(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String tag = NOT_IN_TAG
                .matcher(name.strip().toLowerCase(Locale.ROOT).replace(' ', '-'))
                .replaceAll("");
        tag = tag.replaceAll("^[^\\p{L}\\p{N}]+", "");
        if (tag.length() > 50) {
            tag = tag.substring(0, 50);
        }
        return tag.isEmpty() ? null : tag;
    }

    static List<String> strings(JsonNode node, String field) {
        var values = new ArrayList<String>();
        JsonNode array = node.get(field);
        if (array != null && array.isArray()) {
            array.forEach(v -> {
                if (!v.isNull() && !v.asString().isBlank()) {
                    values.add(v.asString());
                }
            });
        }
        return values;
    }

    /** A CSV cell of several values ("vip, retail" or "vip;retail"). */
    static List<String> split(@Nullable String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split("[,;]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
