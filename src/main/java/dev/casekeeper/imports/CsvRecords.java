package dev.casekeeper.imports;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a CSV file with a header line, read with Apache Commons CSV, as maps from column name
 * (lower case, trimmed, without a byte-order mark) to value.
 */
final class CsvRecords implements RecordReader<Map<String, String>> {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private final FileChannel channel;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final List<String> header;

    private CsvRecords(FileChannel channel, CSVParser parser) {
        this.channel = channel;
        this.parser = parser;
        this.rows = parser.iterator();
        this.header = parser.getHeaderNames().stream().map(CsvRecords::column).toList();
    }

    static CsvRecords open(Path path) throws IOException {
        var channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            var reader = new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8);
            return new CsvRecords(
                    channel,
                    CSVParser.builder().setReader(reader).setFormat(FORMAT).get());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The file's columns, as {@link #next()} names them. */
    List<String> header() {
        return header;
    }

    @Override
    public @Nullable Map<String, String> next() {
        if (!rows.hasNext()) {
            return null;
        }
        CSVRecord row = rows.next();
        var values = new HashMap<String, String>();
        for (int i = 0; i < header.size() && i < row.size(); i++) {
            values.put(header.get(i), row.get(i));
        }
        return values;
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
            parser.close();
        } finally {
            channel.close();
        }
    }

    private static String column(String name) {
        return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
