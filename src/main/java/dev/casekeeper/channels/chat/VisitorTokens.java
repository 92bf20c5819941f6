package dev.casekeeper.channels.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A visitor's secret: 256 random bits the widget keeps in the browser's {@code localStorage}.
 * Casekeeper keeps only its SHA-256 digest, so a copy of the database lets nobody resume a chat.
 */
final class VisitorTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private VisitorTokens() {}

    static String next() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token the widget may have: 43 characters of URL-safe base64. Anything else is ignored. */
    static boolean wellFormed(String token) {
        return token.length() == 43
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    static String digest(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
