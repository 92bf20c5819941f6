package dev.casekeeper.channels.email.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs the header blocks of a raw message (the message's own and those of its parts) before
 * Jakarta Mail reads them, where real mail breaks the rules in ways that would cost the agent the
 * headers or the text:
 *
 * <ul>
 *   <li>a continuation line holding only whitespace (RFC 5322 allows it as obsolete folding) is part of
 *       the field it continues when a field or continuation follows; before the text it is the end of
 *       the header block, as the sender meant it;
 *   <li>an empty parameter in {@code Content-Type} or {@code Content-Disposition} ({@code ;;}) is left
 *       out, so the rest of the field still counts;
 *   <li>a message whose first line is no header field has no header block: it is all text. So is one
 *       that starts with the trace fields servers add on the way ({@code Received}, {@code Return-Path}
 *       …; the SMTP listener adds a {@code Received} to every message) and then text: the trace fields
 *       are the servers', not the sender's, and the text is all that the sender wrote.
 * </ul>
 *
 * Works on the bytes as ISO-8859-1 (one char per byte), so nothing else of the message changes.
 */
final class HeaderBlocks {

    /**
     * The message, repaired, and whether it had a header block at all; without one, {@code raw} is the
     * text the sender wrote (without trace fields that servers put before it).
     */
    record Repaired(byte[] raw, boolean hasHeaders) {}

    /** Fields every sender's header block has some of; text does not start its lines with them. */
    private static final Set<String> MESSAGE_FIELDS = Set.of(
            "from",
            "to",
            "cc",
            "subject",
            "date",
            "message-id",
            "mime-version",
            "content-type",
            "content-transfer-encoding",
            "in-reply-to",
            "references",
            "reply-to",
            "sender");

    /** Header fields that servers add in front of a message on its way. */
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
            "delivery-date");

    private static final Pattern FIELD = Pattern.compile("^[\\x21-\\x39\\x3b-\\x7e]+[ \\t]*:");
    private static final Pattern BOUNDARY =
            Pattern.compile("(?i)boundary[ \\t]*=[ \\t]*(?:\"([^\"\\r\\n]+)\"|([^\\s;\"]+))");
    private static final Set<String> PARAMETER_FIELDS = Set.of("content-type", "content-disposition");

    private HeaderBlocks() {}

    static Repaired repair(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        List<String> lines = lines(text);
        int textStart = textStart(lines);
        if (textStart >= 0) {
            return new Repaired(
                    String.join("", lines.subList(textStart, lines.size())).getBytes(StandardCharsets.ISO_8859_1),
                    false);
        }
        var boundaries = boundaries(text);
        var out = new StringBuilder(text.length() + 16);
        boolean changed = false;
        boolean inHeaders = true;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            String content = content(line);
            if (!inHeaders) {
                out.append(line);
                inHeaders = isDelimiter(content, boundaries);
                i++;
                continue;
            }
            if (content.isEmpty()) {
                out.append(line);
                inHeaders = false;
                i++;
                continue;
            }
            if (content.isBlank()) {
                int next = i + 1;
                while (next < lines.size()
                        && !content(lines.get(next)).isEmpty()
                        && content(lines.get(next)).isBlank()) {
                    next++;
                }
                boolean folds = next < lines.size() && isFieldOrContinuation(content(lines.get(next)));
                // A fold: drop the empty continuation. Otherwise the sender meant it as the end of the headers.
                out.append(folds ? "" : ending(line));
                inHeaders = folds;
                changed = true;
                i = next;
                continue;
            }
            // One field with its continuation lines, so a parameter list is read whole.
            int end = i + 1;
            while (end < lines.size() && isContinuation(content(lines.get(end)))) {
                end++;
            }
            String field = String.join("", lines.subList(i, end));
            String repaired = withoutEmptyParameters(field);
            changed |= !repaired.equals(field);
            out.append(repaired);
            i = end;
        }
        return new Repaired(changed ? out.toString().getBytes(StandardCharsets.ISO_8859_1) : raw, true);
    }

    /**
     * Where the text starts in a message that has no header block of its own, or -1 when it has one:
     * the sender's header block starts with a field, after an mbox "From " line and the trace fields
     * of servers, if any.
     */
    private static int textStart(List<String> lines) {
        int i = !lines.isEmpty() && content(lines.get(0)).startsWith("From ") ? 1 : 0;
        int trace = i;
        while (trace < lines.size() && TRACE.contains(fieldName(content(lines.get(trace))))) {
            trace++;
            while (trace < lines.size() && isContinuation(content(lines.get(trace)))) {
                trace++;
            }
        }
        if (trace == i) {
            return i < lines.size() && FIELD.matcher(content(lines.get(i))).find() ? -1 : 0;
        }
        // Trace fields, then a field or the empty line that ends the headers: a header block.
        if (trace >= lines.size()
                || content(lines.get(trace)).isEmpty()
                || FIELD.matcher(content(lines.get(trace))).find()) {
            return -1;
        }
        // A line that is no field: text, unless the sender's fields follow it (then it is one broken line among them).
        for (int next = trace + 1;
                next < lines.size() && !content(lines.get(next)).isEmpty();
                next++) {
            String name = fieldName(content(lines.get(next)));
            if (TRACE.contains(name) || MESSAGE_FIELDS.contains(name)) {
                return -1;
            }
        }
        return trace;
    }

    private static String fieldName(String content) {
        Matcher m = FIELD.matcher(content);
        return m.find() ? m.group().substring(0, m.group().length() - 1).strip().toLowerCase(Locale.ROOT) : "";
    }

    private static boolean isFieldOrContinuation(String content) {
        return isContinuation(content) || FIELD.matcher(content).find();
    }

    private static boolean isContinuation(String content) {
        return !content.isBlank() && (content.charAt(0) == ' ' || content.charAt(0) == '\t');
    }

    private static boolean isDelimiter(String content, Set<String> boundaries) {
        if (!content.startsWith("--")) {
            return false;
        }
        String rest = content.substring(2).stripTrailing();
        return boundaries.contains(rest);
    }

    private static Set<String> boundaries(String text) {
        var found = new java.util.HashSet<String>();
        Matcher m = BOUNDARY.matcher(text);
        while (m.find()) {
            found.add((m.group(1) != null ? m.group(1) : m.group(2)).stripTrailing());
        }
        return found;
    }

    /** {@code a;; b=1;} is {@code a; b=1}: an empty parameter, outside quotes, is dropped. */
    static String withoutEmptyParameters(String field) {
        int colon = field.indexOf(':');
        if (colon < 0
                || !PARAMETER_FIELDS.contains(field.substring(0, colon).strip().toLowerCase(Locale.ROOT))) {
            return field;
        }
        var out = new StringBuilder(field.length());
        out.append(field, 0, colon + 1);
        boolean quoted = false;
        int lastSemicolon = -1;
        for (int i = colon + 1; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"' && (i == 0 || field.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (!quoted && c == ';') {
                if (lastSemicolon >= 0) {
                    // Only whitespace since the last ';': this parameter is empty.
                    out.setLength(lastSemicolon);
                }
                lastSemicolon = out.length();
                out.append(c);
                continue;
            }
            if (!Character.isWhitespace(c)) {
                lastSemicolon = -1;
            }
            out.append(c);
        }
        if (lastSemicolon >= 0) {
            // A trailing ';' with nothing after it but the line end.
            String tail = out.substring(lastSemicolon + 1);
            out.setLength(lastSemicolon);
            out.append(tail);
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        var lines = new ArrayList<String>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    private static String content(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }

    private static String ending(String line) {
        return line.substring(content(line).length());
    }
}
