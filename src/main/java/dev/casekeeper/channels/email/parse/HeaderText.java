package dev.casekeeper.channels.email.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Header values as people read them. Raw 8-bit bytes (RFC 6532, or plain mislabelling) go through
 * {@link Charsets}; RFC 2047 encoded words are decoded leniently: unknown charsets, bad base64 and
 * words glued to other text still give readable text instead of an error.
 */
public final class HeaderText {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t]]");

    private HeaderText() {}

    /** A header value as read by Jakarta Mail (each byte one char), made readable. */
    public static String decode(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (text.chars().anyMatch(c -> c > 0x7f && c <= 0xff)) {
            text = Charsets.decode(text.getBytes(StandardCharsets.ISO_8859_1), null);
        }
        text = text.replaceAll("\r?\n[ \t]*", " ");
        // Whitespace between two encoded words is not part of the text (RFC 2047, section 6.2).
        text = BETWEEN_WORDS.matcher(text).replaceAll("$1$2");
        Matcher words = ENCODED_WORD.matcher(text);
        var out = new StringBuilder();
        while (words.find()) {
            words.appendReplacement(
                    out, Matcher.quoteReplacement(word(words.group(1), words.group(2), words.group(3), words.group())));
        }
        words.appendTail(out);
        return CONTROL.matcher(out.toString()).replaceAll("").strip();
    }

    private static String word(String charset, String encoding, String encoded, String original) {
        String name = charset.contains("*") ? charset.substring(0, charset.indexOf('*')) : charset;
        try {
            byte[] bytes = encoding.equalsIgnoreCase("B") ? base64(encoded) : quotedPrintable(encoded);
            return Charsets.decode(bytes, name);
        } catch (RuntimeException e) {
            return original;
        }
    }

    private static byte[] base64(String encoded) {
        String clean = encoded.replaceAll("[^A-Za-z0-9+/]", "");
        while (clean.length() % 4 != 0) {
            clean = clean.length() % 4 == 1 ? clean.substring(0, clean.length() - 1) : clean + "=";
        }
        return Base64.getDecoder().decode(clean);
    }

    private static byte[] quotedPrintable(String encoded) {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && isHex(encoded, i + 1)) {
                out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(String s, int at) {
        return at + 1 < s.length()
                && Character.digit(s.charAt(at), 16) >= 0
                && Character.digit(s.charAt(at + 1), 16) >= 0;
    }
}
