package dev.casekeeper.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Event data of timeline entries, stored as JSONB. */
@Component
class TimelineJson {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final JsonMapper json;

    TimelineJson(JsonMapper json) {
        this.json = json;
    }

    String write(Map<String, ?> data) {
        return json.writeValueAsString(data);
    }

    Map<String, Object> read(@Nullable String data) {
        return data == null ? Map.of() : json.readValue(data, MAP);
    }

    TimelineEntry entry(CaseQueries.EntryRow row) {
        return new TimelineEntry(
                row.id(),
                row.kind(),
                row.author(),
                row.text(),
                row.html(),
                row.eventType(),
                read(row.dataJson()),
                row.createdAt(),
                null,
                row.delivery());
    }
}
