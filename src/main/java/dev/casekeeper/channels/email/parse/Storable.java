package dev.casekeeper.channels.email.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A parsed message as PostgreSQL can store it: text columns and JSON refuse NUL (U+0000), and a mail
 * must never be lost for a character. Every NUL in the text, headers, addresses and names the entry
 * keeps is left out, and a warning on the entry says so (the original message keeps them).
 * Attachment bytes are not text and keep theirs.
 */
final class Storable {

    private Storable() {}

    static ParsedMessage of(ParsedMessage m) {
        var removed = new AtomicInteger();
        var warnings = new ArrayList<>(strings(m.warnings(), removed));
        var headers = new LinkedHashMap<String, List<String>>();
        m.headers().values().forEach((name, values) -> headers.put(clean(name, removed), strings(values, removed)));
        var cleaned = new ParsedMessage(
                cleanOrNull(m.messageId(), removed),
                cleanOrNull(m.inReplyTo(), removed),
                strings(m.references(), removed),
                clean(m.subject(), removed),
                mailbox(m.from(), removed),
                mailbox(m.sender(), removed),
                m.replyTo().stream().map(x -> mailbox(x, removed)).toList(),
                m.to().stream().map(x -> mailbox(x, removed)).toList(),
                m.cc().stream().map(x -> mailbox(x, removed)).toList(),
                m.date(),
                clean(m.text(), removed),
                cleanOrNull(m.quotedText(), removed),
                cleanOrNull(m.html(), removed),
                m.attachments().stream()
                        .map(a -> new ParsedMessage.Attachment(
                                a.id(),
                                clean(a.filename(), removed),
                                clean(a.contentType(), removed),
                                a.size(),
                                cleanOrNull(a.contentId(), removed),
                                a.inline(),
                                a.content(),
                                cleanOrNull(a.omitted(), removed)))
                        .toList(),
                m.forwarded().stream()
                        .map(f -> new ParsedMessage.Forwarded(
                                cleanOrNull(f.from(), removed), clean(f.subject(), removed), f.date()))
                        .toList(),
                strings(m.reportedMessageIds(), removed),
                new ParsedMessage.Headers(
                        java.util.Collections.unmodifiableMap(headers),
                        cleanOrNull(m.headers().contentType(), removed)),
                m.partTypes(),
                warnings);
        if (removed.get() == 0) {
            return m;
        }
        warnings.removeIf(w -> w.contains("NUL characters"));
        warnings.add("The message contained " + removed.get()
                + " NUL characters, which cannot be stored; they were left out" + " (the original message has them)");
        return new ParsedMessage(
                cleaned.messageId(),
                cleaned.inReplyTo(),
                cleaned.references(),
                cleaned.subject(),
                cleaned.from(),
                cleaned.sender(),
                cleaned.replyTo(),
                cleaned.to(),
                cleaned.cc(),
                cleaned.date(),
                cleaned.text(),
                cleaned.quotedText(),
                cleaned.html(),
                cleaned.attachments(),
                cleaned.forwarded(),
                cleaned.reportedMessageIds(),
                cleaned.headers(),
                cleaned.partTypes(),
                List.copyOf(warnings));
    }

    /** The raw message had NUL bytes that parsing already dropped from the text: said all the same. */
    static boolean hasNul(byte[] raw) {
        for (byte b : raw) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static ParsedMessage.@Nullable Mailbox mailbox(ParsedMessage.@Nullable Mailbox m, AtomicInteger removed) {
        return m == null
                ? null
                : new ParsedMessage.Mailbox(clean(m.address(), removed), cleanOrNull(m.name(), removed));
    }

    private static List<String> strings(List<String> values, AtomicInteger removed) {
        return values.stream().map(v -> clean(v, removed)).toList();
    }

    private static @Nullable String cleanOrNull(@Nullable String value, AtomicInteger removed) {
        return value == null ? null : clean(value, removed);
    }

    private static String clean(String value, AtomicInteger removed) {
        if (value.indexOf('\u0000') < 0) {
            return value;
        }
        int before = value.length();
        String clean = value.replace("\u0000", "");
        removed.addAndGet(before - clean.length());
        return clean;
    }
}
