package dev.casekeeper.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of a Zendesk export file, streamed with Jackson: a page of an (incremental) export
 * ({@code {"tickets": [...], "after_cursor": ...}}), a plain JSON array, or one record per line
 * (JSON Lines, as Zendesk's account export writes {@code tickets.json}).
 */
final class JsonRecords implements RecordReader<JsonNode> {

    private final FileChannel channel;
    private final @Nullable JsonParser array;
    private final @Nullable MappingIterator<JsonNode> lines;
    private final ObjectReader records;

    private JsonRecords(
            FileChannel channel,
            @Nullable JsonParser array,
            @Nullable MappingIterator<JsonNode> lines,
            JsonMapper mapper) {
        this.channel = channel;
        this.array = array;
        this.lines = lines;
        // One record at a time out of the array: the rest of the array follows it, of course.
        this.records = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    static JsonRecords open(Path path, String collection, JsonMapper mapper) throws IOException {
        var channel = FileChannel.open(path, StandardOpenOption.READ);
        JsonParser parser = mapper.createParser(stream(channel));
        try {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return new JsonRecords(channel, parser, null, mapper);
            }
            if (first == JsonToken.START_OBJECT && findArray(parser, collection)) {
                return new JsonRecords(channel, parser, null, mapper);
            }
        } catch (RuntimeException e) {
            parser.close();
            channel.close();
            throw e;
        }
        // Not a page and not an array: a record per line, read from the start again.
        parser.close();
        channel.close();
        var again = FileChannel.open(path, StandardOpenOption.READ);
        MappingIterator<JsonNode> lines = mapper.readerFor(JsonNode.class).readValues(stream(again));
        return new JsonRecords(again, null, lines, mapper);
    }

    /** Moves the parser into the page's array of records; false when the object has none (it is a record). */
    private static boolean findArray(JsonParser parser, String collection) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (collection.equals(name) && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    @Override
    public @Nullable JsonNode next() {
        if (array != null) {
            JsonToken token = array.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return null;
            }
            return records.readValue(array);
        }
        var iterator = java.util.Objects.requireNonNull(lines);
        return iterator.hasNextValue() ? iterator.nextValue() : null;
    }

    @Override
    public long bytesRead() {
        try {
            return channel.position();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (array != null) {
                array.close();
            }
            if (lines != null) {
                lines.close();
            }
        } finally {
            channel.close();
        }
    }

    private static InputStream stream(FileChannel channel) {
        return Channels.newInputStream(channel);
    }
}
