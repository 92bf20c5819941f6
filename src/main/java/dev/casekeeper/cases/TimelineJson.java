package dev.casekeeper.cases;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * How timeline entries are written down: an event as the JSON of its record under its type name
 * (the {@code event_type} column), a channel's facts as {@code {"<channel>": {…}}}. Ids are plain
 * strings, as they always were. Reading is tolerant of fields a record no longer has, so entries
 * written by an earlier version stay readable.
 */
@Component
public class TimelineJson {

    private static final Logger log = LoggerFactory.getLogger(TimelineJson.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final Map<String, Class<? extends TimelineEvent>> TYPES = Arrays.stream(
                    TimelineEvent.class.getPermittedSubclasses())
            .map(type -> type.asSubclass(TimelineEvent.class))
            .collect(Collectors.toUnmodifiableMap(TimelineJson::typeOf, Function.identity()));

    private final JsonMapper json;

    TimelineJson(JsonMapper json, List<ChannelFactsType> channels) {
        var ids = new SimpleModule("casekeeper-timeline-ids");
        id(ids, AgentId.class, AgentId::new, AgentId::value);
        id(ids, TeamId.class, TeamId::new, TeamId::value);
        id(ids, CaseId.class, CaseId::new, CaseId::value);
        this.json = json.rebuild()
                .addModule(ids)
                .registerSubtypes(channels.stream()
                        .map(channel -> new NamedType(channel.type(), channel.name()))
                        .toArray(NamedType[]::new))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** The name an event is stored and shown under in the API ({@code eventType}). */
    public static String typeOf(Class<? extends TimelineEvent> type) {
        var name = type.getAnnotation(JsonTypeName.class);
        if (name == null) {
            throw new IllegalStateException(type.getName() + " has no @JsonTypeName");
        }
        return name.value();
    }

    /** Every kind of event, by the name it is stored under. */
    public static Map<String, Class<? extends TimelineEvent>> types() {
        return TYPES;
    }

    /** An entry's facts or event as a map of plain values, as the API shows them under {@code data}. */
    public Map<String, Object> data(TimelineEntry entry) {
        if (entry.event() != null) {
            return json.convertValue(entry.event(), MAP);
        }
        if (entry.facts() == null) {
            return Map.of();
        }
        // Under the channel's name, as stored: {"email": {…}}.
        return json.readValue(write(entry.facts()), MAP);
    }

    String write(TimelineEvent event) {
        return json.writeValueAsString(event);
    }

    String write(ChannelFacts facts) {
        return json.writerFor(ChannelFacts.class).writeValueAsString(facts);
    }

    /** The event a row holds; null (and a warning) for one this version does not know or cannot read. */
    @Nullable
    TimelineEvent event(@Nullable String type, @Nullable String data) {
        var kind = type == null ? null : TYPES.get(type);
        if (kind == null) {
            log.warn("A timeline event of unknown type {} is shown as an update", type);
            return null;
        }
        try {
            return json.readValue(data == null ? "{}" : data, kind);
        } catch (JacksonException e) {
            log.warn("A timeline event of type {} could not be read: {}", type, e.getOriginalMessage());
            return null;
        }
    }

    /** The channel facts a message row holds, or null. */
    @Nullable
    ChannelFacts facts(@Nullable String data) {
        if (data == null || data.isBlank() || data.equals("{}")) {
            return null;
        }
        try {
            return json.readerFor(ChannelFacts.class).readValue(data);
        } catch (JacksonException e) {
            log.warn("Channel facts could not be read: {}", e.getOriginalMessage());
            return null;
        }
    }

    TimelineEntry entry(TimelineQueries.EntryRow row) {
        boolean event = row.kind() == EntryKind.EVENT;
        return new TimelineEntry(
                row.id(),
                row.kind(),
                row.author(),
                row.text(),
                row.html(),
                event ? event(row.eventType(), row.dataJson()) : null,
                event ? null : facts(row.dataJson()),
                row.createdAt(),
                null,
                row.delivery());
    }

    private static <T> void id(SimpleModule module, Class<T> type, Function<UUID, T> of, Function<T, UUID> value) {
        module.addSerializer(type, new StdSerializer<T>(type) {
            @Override
            public void serialize(T id, JsonGenerator generator, SerializationContext context) {
                generator.writeString(value.apply(id).toString());
            }
        });
        module.addDeserializer(type, new StdScalarDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) {
                return of.apply(UUID.fromString(parser.getValueAsString()));
            }
        });
    }
}
