package dev.casekeeper.channels.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the store needs to know of a raw message before anything parses it: its Message-ID, and a
 * content hash that is the same for every delivery of the same message. Works on bytes, so any
 * input, however broken, gets an answer.
 */
final class RawHeaders {

    /**
     * Header fields that servers add along the way; they differ between two deliveries of one
     * message (an SMTP retry through another relay, an IMAP copy of a forwarded message).
     */
    private static final Set<String> TRACE = Set.of(
            "received",
            "return-path",
            "delivered-to",
            "x-original-to",
            "envelope-to",
            "x-envelope-from",
            "x-envelope-to",
            "x-received",
            "received-spf",
            "authentication-results",
            "arc-seal",
            "arc-message-signature",
            "arc-authentication-results",
            "x-spam-status",
            "x-spam-score",
            "x-spam-level",
            "x-spam-flag",
            "x-spam-checker-version",
            "x-virus-scanned",
            "x-gm-message-state",
            "x-google-smtp-source",
            "x-ms-exchange-organization-authas");

    private static final Pattern LINE_ENDINGS = Pattern.compile("\r\n|\r");

    private final String headerBlock;
    private final String body;

    private RawHeaders(byte[] raw) {
        // ISO-8859-1 maps every byte to one char and back, so nothing is lost or altered.
        String text = LINE_ENDINGS
                .matcher(new String(raw, StandardCharsets.ISO_8859_1))
                .replaceAll("\n");
        int end = text.startsWith("\n") ? 0 : text.indexOf("\n\n");
        this.headerBlock = end < 0 ? text : text.substring(0, end);
        this.body = end < 0 ? "" : text.substring(end + (end == 0 ? 1 : 2));
    }

    static RawHeaders of(byte[] raw) {
        return new RawHeaders(raw);
    }

    /** The first Message-ID, without angle brackets; null when there is none. */
    @Nullable
    String messageId() {
        for (String field : fields()) {
            if (name(field).equals("message-id")) {
                String value = field.substring(field.indexOf(':') + 1)
                        .replaceAll("\\s+", " ")
                        .strip();
                value = value.startsWith("<") && value.indexOf('>') > 0
                        ? value.substring(1, value.indexOf('>'))
                        : value;
                return value.isEmpty() ? null : value.length() > 900 ? value.substring(0, 900) : value;
            }
        }
        return null;
    }

    /** SHA-256 of the message with trace fields and line-ending differences taken out. */
    byte[] contentHash() {
        var kept = new StringBuilder(headerBlock.length());
        for (String field : fields()) {
            if (!TRACE.contains(name(field))) {
                kept.append(field).append('\n');
            }
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(kept.toString().getBytes(StandardCharsets.ISO_8859_1));
            digest.update((byte) 0);
            digest.update(body.getBytes(StandardCharsets.ISO_8859_1));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Header fields with their continuation lines. */
    private java.util.List<String> fields() {
        var fields = new java.util.ArrayList<String>();
        var current = new StringBuilder();
        for (String line : headerBlock.split("\n", -1)) {
            if (line.startsWith("From ")) {
                // An mbox envelope line, not a header: it says how the message was filed, not what it is.
                continue;
            }
            if (!line.isBlank() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !current.isEmpty()) {
                current.append('\n').append(line);
            } else {
                if (!current.isEmpty()) {
                    fields.add(current.toString());
                }
                current.setLength(0);
                current.append(line);
            }
        }
        if (!current.isEmpty()) {
            fields.add(current.toString());
        }
        return fields;
    }

    private static String name(String field) {
        int colon = field.indexOf(':');
        return colon < 0 ? "" : field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    }
}
