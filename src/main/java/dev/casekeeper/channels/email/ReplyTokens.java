package dev.casekeeper.channels.email;

import java.security.SecureRandom;

/** Reply tokens: short, random, lower-case (some servers lower-case local parts), unguessable. */
final class ReplyTokens {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReplyTokens() {}

    static String next() {
        var token = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }
}
