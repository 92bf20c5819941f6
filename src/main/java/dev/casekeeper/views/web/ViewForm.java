package dev.casekeeper.views.web;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.views.SaveView;
import dev.casekeeper.views.ViewFilters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The view builder's form; custom field filters come as their own parameters ({@code f.<apiKey>}). */
record ViewForm(
        @Nullable String name,
        @Nullable UUID shareWith,
        @Nullable List<String> statuses,
        @Nullable List<String> priorities,
        @Nullable UUID teamId,
        @Nullable String owner,
        @Nullable List<String> channels,
        @Nullable String tags,
        @Nullable Integer waitingHours,
        @Nullable String createdFrom,
        @Nullable String createdTo,
        @Nullable String updatedFrom,
        @Nullable String updatedTo,
        @Nullable String sort,
        boolean ascending,
        @Nullable List<String> columns,
        @Nullable List<String> slaStates,
        @Nullable String heated) {

    static ViewForm empty() {
        return new ViewForm(
                "",
                null,
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                "",
                null,
                "",
                "",
                "",
                "",
                "updated",
                false,
                List.of("number", "subject", "status", "priority", "updated"),
                List.of(),
                "");
    }

    SaveView command(Map<String, String> fields) {
        var errors = new LinkedHashMap<String, String>();
        var filters = new ViewFilters(
                list(statuses),
                list(priorities),
                teamId,
                owner,
                list(channels),
                tags == null
                        ? List.of()
                        : Arrays.stream(tags.split(","))
                                .map(String::strip)
                                .filter(t -> !t.isEmpty())
                                .toList(),
                fields,
                waitingHours,
                day(createdFrom, "createdFrom", errors),
                day(createdTo, "createdTo", errors),
                day(updatedFrom, "updatedFrom", errors),
                day(updatedTo, "updatedTo", errors),
                sort == null ? "updated" : sort,
                ascending,
                list(slaStates),
                heated(heated, errors));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SaveView(
                name == null ? "" : name, shareWith == null ? null : new TeamId(shareWith), filters, list(columns));
    }

    /** The heated filter as chosen: "yes", "no", or blank for either. */
    private static @Nullable Boolean heated(@Nullable String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip()) {
            case "yes" -> true;
            case "no" -> false;
            default -> {
                errors.put("heated", "must be yes, no or empty");
                yield null;
            }
        };
    }

    private static List<String> list(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream().filter(v -> !v.isBlank()).toList();
    }

    private static @Nullable LocalDate day(@Nullable String text, String name, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(name, "must be a date as YYYY-MM-DD");
            return null;
        }
    }
}
