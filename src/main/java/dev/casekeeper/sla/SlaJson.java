package dev.casekeeper.sla;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON columns of calendars and policies. */
@Component
class SlaJson {

    private final JsonMapper json;

    SlaJson(JsonMapper json) {
        this.json = json;
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    <T> T read(String text, Class<T> type) {
        return json.readValue(text, type);
    }

    <T> List<T> readList(String text, TypeReference<List<T>> type) {
        return json.readValue(text, type);
    }

    <T> T read(String text, TypeReference<T> type) {
        return json.readValue(text, type);
    }
}
