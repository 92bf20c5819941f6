package dev.casekeeper.channels.email.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Text from bytes whose declared charset may be missing, unknown to Java, or wrong. Mail clients
 * mislabel in a few well-known ways: UTF-8 sent as us-ascii or latin-1, windows-1252 sent as
 * latin-1 or UTF-8, and Microsoft's names for Korean and Hebrew charsets.
 */
public final class Charsets {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Names mail software uses that Java does not know, or knows as something stricter. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("iso-8859-8-e", "ISO-8859-8"),
            Map.entry("utf8", "UTF-8"),
            Map.entry("unicode-1-1-utf-8", "UTF-8"),
            Map.entry("x-unknown", "windows-1252"),
            Map.entry("unknown-8bit", "windows-1252"),
            Map.entry("x-user-defined", "windows-1252"),
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"),
            Map.entry("ascii", "windows-1252"),
            Map.entry("ansi_x3.4-1968", "windows-1252"),
            Map.entry("gb2312", "GBK"),
            Map.entry("shift-jis", "Shift_JIS"),
            Map.entry("sjis", "Shift_JIS"),
            Map.entry("x-sjis", "Shift_JIS"),
            Map.entry("cp932", "windows-31j"),
            Map.entry("x-mac-roman", "x-MacRoman"),
            Map.entry("macintosh", "x-MacRoman"));

    private Charsets() {}

    /**
     * Decodes {@code bytes}: valid UTF-8 with non-ASCII bytes is UTF-8 whatever the label says
     * (the commonest mislabel), a known declared charset is used next, and windows-1252 (which
     * maps every byte) is the last resort, so something readable always comes out.
     */
    public static String decode(byte[] bytes, @Nullable String declared) {
        if (declared != null
                && declared.strip().replace("\"", "").toLowerCase(Locale.ROOT).matches("(unicode-1-1-)?utf-7")) {
            return Utf7.decode(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        Charset charset = charset(declared);
        boolean ascii = isAscii(bytes);
        if (ascii && charset == null && containsIso2022Escape(bytes)) {
            String japanese = strict(bytes, Charset.forName("ISO-2022-JP"));
            if (japanese != null) {
                return japanese;
            }
        }
        if (ascii && (charset == null || isAsciiCompatible(charset))) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        if (charset != null && !isAsciiCompatible(charset)) {
            // ISO-2022-JP, UTF-16, UTF-7 and friends: only the declared charset can read them.
            String strict = strict(bytes, charset);
            if (strict != null) {
                return strict;
            }
        }
        if (!ascii && isUtf8(bytes)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            String strict = strict(bytes, charset);
            if (strict != null) {
                return strict;
            }
        }
        return new String(bytes, WINDOWS_1252);
    }

    /** The Java charset for a declared name, or null when there is no usable one. */
    public static @Nullable Charset charset(@Nullable String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String name = declared.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        name = ALIASES.getOrDefault(name, name);
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static @Nullable String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException | RuntimeException e) {
            return null;
        }
    }

    private static boolean containsIso2022Escape(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == 0x1b && (bytes[i + 1] == '$' || bytes[i + 1] == '(')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiCompatible(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return !(name.startsWith("UTF-16")
                || name.startsWith("UTF-32")
                || name.contains("2022")
                || name.equals("UTF-7"));
    }

    private static boolean isUtf8(byte[] bytes) {
        return strict(bytes, StandardCharsets.UTF_8) != null;
    }
}
