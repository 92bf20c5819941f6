package dev.casekeeper.channels.email.parse;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * The body of a base64 part, read the way its sender wrote it: the base64 lines from the first to
 * the padding, an empty line or the first line that is not base64. What follows (a footer a mailing
 * list appended, a signature) is not decoded into garbage bytes, but counted, so the agent is told.
 * Jakarta Mail's lenient decoder skips the characters it does not know and decodes the rest of the
 * footer's letters as if they were data: mojibake at the end of the text, without a word.
 */
final class Base64Body {

    /** The decoded bytes; {@code ignored} characters after the data were not base64 and were left out. */
    record Decoded(byte[] bytes, int ignored, boolean any) {}

    private Base64Body() {}

    static Decoded decode(byte[] raw) {
        var data = new StringBuilder(raw.length);
        int ignored = 0;
        boolean ended = false;
        boolean any = false;
        int start = 0;
        while (start < raw.length) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            String line = new String(raw, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
            start = end + 1;
            if (ended) {
                ignored += line.length();
                continue;
            }
            if (line.isEmpty()) {
                ended = any;
                continue;
            }
            if (!isBase64(line)) {
                ended = true;
                ignored += line.length();
                continue;
            }
            any = true;
            data.append(line);
            if (line.endsWith("=")) {
                ended = true;
            }
        }
        if (data.length() % 4 == 1) {
            // A single character cannot encode a byte.
            data.setLength(data.length() - 1);
            ignored++;
        }
        var out = new ByteArrayOutputStream(data.length() * 3 / 4);
        out.writeBytes(Base64.getMimeDecoder().decode(data.toString()));
        return new Decoded(out.toByteArray(), ignored, any);
    }

    private static boolean isBase64(String line) {
        int padding = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean letter =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (c == '=') {
                padding++;
            } else if (!letter || padding > 0) {
                return false;
            }
        }
        return padding <= 2;
    }
}
