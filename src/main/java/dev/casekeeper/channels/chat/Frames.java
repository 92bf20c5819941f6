package dev.casekeeper.channels.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON frames of the chat protocol (docs/chat.md): reading what clients send, writing what they get. */
@Component
class Frames {

    private final JsonMapper json;

    Frames(JsonMapper json) {
        this.json = json;
    }

    /** The frame as an object, or null when it is not a JSON object with a {@code type}. */
    @Nullable JsonNode read(String text) {
        try {
            var node = json.readTree(text);
            return node != null && node.isObject() && node.hasNonNull("type") ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    static @Nullable String text(JsonNode frame, String field) {
        var value = frame.get(field);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }

    /** A frame of the given type with the fields given as name, value, name, value…; null values are left out. */
    String of(String type, @Nullable Object... fields) {
        var frame = new LinkedHashMap<String, @Nullable Object>();
        frame.put("type", type);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                frame.put((String) fields[i], fields[i + 1]);
            }
        }
        return write(frame);
    }

    String message(ChatMessage m) {
        return of("message", "seq", m.seq(), "from", m.author(), "name", m.authorName(), "text", m.body(), "event", m.event(),
                "id", ChatMessage.CUSTOMER.equals(m.author()) ? m.clientId() : null, "at", m.at().toString());
    }

    String write(Map<String, ?> value) {
        return json.writeValueAsString(value);
    }

    JsonNode tree(String text) {
        return json.readTree(text);
    }
}
