package dev.casekeeper.channels.chat;

import dev.casekeeper.shared.StorableText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON frames of the chat protocol (docs/chat.md): reading what clients send, writing what they get. */
@Component
class Frames {

    private static final Logger log = LoggerFactory.getLogger(Frames.class);

    private final JsonMapper json;
    private final ChatFileLinks files;
    private final Counter removed;

    Frames(JsonMapper json, ChatFileLinks files, MeterRegistry meters) {
        this.json = json;
        this.files = files;
        this.removed = Counter.builder("casekeeper.chat.characters.removed")
                .description(
                        "Characters Casekeeper cannot store (NUL, half a surrogate pair) removed from what chat widgets sent")
                .register(meters);
    }

    /** A widget's frame with its text as Casekeeper can store it, and how many characters that took away. */
    record Storable(JsonNode frame, int removed) {}

    /**
     * The frame with every text value holding NUL or half a surrogate pair stripped of them: what a
     * customer writes must not be lost for a character no one can see (ADR 0014). Each removal is
     * logged and counted.
     */
    Storable storable(JsonNode frame, String socket) {
        if (!(frame instanceof ObjectNode object)) {
            return new Storable(frame, 0);
        }
        int count = 0;
        var copy = object.deepCopy();
        for (var field : object.properties()) {
            if (field.getValue().isString()) {
                String text = field.getValue().asString();
                String kept = StorableText.strip(text);
                if (kept.length() != text.length()) {
                    count += text.length() - kept.length();
                    copy.put(field.getKey(), kept);
                }
            }
        }
        if (count > 0) {
            removed.increment(count);
            log.warn(
                    "Chat socket {}: removed {} characters that cannot be stored from a {} frame",
                    socket,
                    count,
                    text(copy, "type"));
        }
        return new Storable(copy, count);
    }

    /** The frame as an object, or null when it is not a JSON object with a {@code type}. */
    @Nullable
    JsonNode read(String text) {
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

    /** A message; an agent's lists the files sent with it, each with a fresh signed link. */
    String message(ChatMessage m) {
        var attached = ChatMessage.AGENT.equals(m.author()) && m.entryId() != null
                ? files.of(m.conversationId(), m.entryId())
                : java.util.List.of();
        return of(
                "message",
                "seq",
                m.seq(),
                "from",
                m.author(),
                "name",
                m.authorName(),
                "text",
                m.body(),
                "event",
                m.event(),
                "id",
                ChatMessage.CUSTOMER.equals(m.author()) ? m.clientId() : null,
                "at",
                m.at().toString(),
                "files",
                attached.isEmpty() ? null : attached);
    }

    String write(Map<String, ?> value) {
        return json.writeValueAsString(value);
    }

    JsonNode tree(String text) {
        return json.readTree(text);
    }
}
