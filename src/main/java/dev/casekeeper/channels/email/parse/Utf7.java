package dev.casekeeper.channels.email.parse;

/** UTF-7 (RFC 2152), which Outlook still uses in delivery reports and Java does not read. */
final class Utf7 {

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Utf7() {}

    static String decode(String text) {
        var out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '+') {
                out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && BASE64.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            if (end == i + 1) {
                // "+-" is a plus sign; a lone "+" is kept as it is.
                out.append('+');
                i = end < text.length() && text.charAt(end) == '-' ? end + 1 : end;
                continue;
            }
            int bits = 0;
            int buffer = 0;
            for (int k = i + 1; k < end; k++) {
                buffer = (buffer << 6) | BASE64.indexOf(text.charAt(k));
                bits += 6;
                if (bits >= 16) {
                    bits -= 16;
                    out.append((char) ((buffer >> bits) & 0xFFFF));
                }
            }
            i = end < text.length() && text.charAt(end) == '-' ? end + 1 : end;
        }
        return out.toString();
    }
}
