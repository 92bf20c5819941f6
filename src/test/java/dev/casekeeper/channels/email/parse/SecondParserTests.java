package dev.casekeeper.channels.email.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.channels.email.Corpora;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Locale;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.junit.jupiter.api.Test;

/**
 * Casekeeper's reading of every corpus message against a second, permissive parser (Apache Mime4j):
 * where Mime4j finds readable text in a message and Casekeeper shows none, the agent would see an
 * empty entry for mail a person can read, and that is a failure.
 */
class SecondParserTests {

    private static final MimeParser.Limits LIMITS = new MimeParser.Limits(25L << 20, 100, 200_000, 1_000_000, "/a/");

    @Test
    void whereMime4jReadsTextCasekeeperShowsText() {
        var missing = new ArrayList<String>();
        for (var sample : Corpora.all()) {
            String theirs = mime4jText(sample.raw());
            if (letters(theirs).length() < 3) {
                continue;
            }
            var ours = MimeParser.parse(sample.raw(), LIMITS);
            if (ours.text().isBlank()) {
                missing.add(sample.name() + " | Mime4j reads: " + abbreviate(theirs));
            }
        }
        assertThat(missing)
                .as("messages with text that Casekeeper shows none of")
                .isEmpty();
    }

    /** The text parts Mime4j finds, leniently: plain text as it is, HTML made readable, attachments left out. */
    static String mime4jText(byte[] raw) {
        var builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        try {
            var text = new StringBuilder();
            collect(builder.parseMessage(new ByteArrayInputStream(raw)), text);
            return text.toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void collect(Entity entity, StringBuilder text) throws IOException {
        var body = entity.getBody();
        if (body instanceof Multipart multipart) {
            for (Entity part : multipart.getBodyParts()) {
                collect(part, text);
            }
        } else if (body instanceof Message inner) {
            collect(inner, text);
        } else if (body instanceof TextBody textBody && !"attachment".equalsIgnoreCase(entity.getDispositionType())) {
            String type = entity.getMimeType().toLowerCase(Locale.ROOT);
            if (!type.equals("text/plain") && !type.equals("text/html")) {
                return;
            }
            String content;
            try (Reader reader = textBody.getReader()) {
                var out = new StringBuilder();
                char[] buffer = new char[8192];
                int n;
                while ((n = reader.read(buffer)) != -1) {
                    out.append(buffer, 0, n);
                }
                content = out.toString();
            } catch (IOException | RuntimeException e) {
                return;
            }
            text.append(type.equals("text/html") ? HtmlText.toText(content) : content)
                    .append('\n');
        }
    }

    /** Letters and digits only, lower-cased: what two readings of one text surely share. */
    static String letters(String text) {
        var out = new StringBuilder();
        text.codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
        return out.toString();
    }

    private static String abbreviate(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }
}
