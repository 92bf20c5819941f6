package dev.casekeeper.channels.email.parse;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds where a reply's quoted history starts in plain text, so the new text stands alone and the
 * history is kept apart: an attribution line ("On … wrote:", in the common languages), an Outlook
 * header block or "Original Message" rule, or the block of "&gt;" lines the message ends with.
 * A forwarded message is content, not history, and is never folded.
 */
final class QuotedHistory {

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?is)^\\s*(on\\b.{1,250}\\bwrote|am\\b.{1,250}\\bschrieb|le\\b.{1,250}\\ba écrit|el\\b.{1,250}\\bescribió"
                    + "|op\\b.{1,250}\\bschreef|il\\b.{1,250}\\bha scritto|em\\b.{1,250}\\bescreveu|.{1,250}\\bнаписал\\(?а?\\)?"
                    + "|.{1,250}\\bskrev|.{1,250}\\bkirjoitti)\\s*:\\s*$");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "(?i)^\\s*-{2,}\\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|"
                    + "messaggio originale|oorspronkelijk bericht)\\s*-{2,}\\s*$");
    private static final Pattern OUTLOOK_RULE = Pattern.compile("^\\s*_{20,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("(?i)^\\s*\\*?(from|von|de|van|da)\\s*:\\*?\\s+\\S.*");
    private static final Pattern HEADER_NEXT = Pattern.compile(
            "(?i)^\\s*\\*?(sent|date|gesendet|datum|envoyé|enviado|verzonden|inviato|to|an|à|para|aan|a|subject|betreff|objet|asunto|onderwerp|oggetto)\\s*:\\*?.*");
    private static final Pattern FORWARD = Pattern.compile(
            "(?i)^\\s*(-{2,}\\s*forwarded message\\s*-{2,}|begin forwarded message\\s*:|-{2,}\\s*forwarded message\\s*-*"
                    + "|-{2,}\\s*weitergeleitete nachricht\\s*-{2,}|-{2,}\\s*message transféré\\s*-{2,}|-{2,}\\s*mensaje reenviado\\s*-{2,}).*",
            Pattern.DOTALL);

    private QuotedHistory() {}

    record Split(String text, @Nullable String quoted) {}

    static Split split(String text) {
        List<String> lines = text.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            String line = lines.get(i);
            if (FORWARD.matcher(line).matches()) {
                return new Split(text, null);
            }
            if (ORIGINAL_MESSAGE.matcher(line).matches()
                    || isAttribution(line)
                    || (i + 1 < lines.size() && isAttribution(line + " " + lines.get(i + 1)) && !line.isBlank())
                    || (OUTLOOK_RULE.matcher(line).matches()
                            && i + 1 < lines.size()
                            && HEADER_FROM.matcher(lines.get(i + 1)).matches())
                    || isHeaderBlock(lines, i)) {
                start = i;
            }
        }
        if (start < 0) {
            start = trailingQuoteBlock(lines);
        }
        if (start <= 0) {
            return new Split(text, null);
        }
        String fresh = String.join("\n", lines.subList(0, start)).strip();
        if (fresh.isEmpty()) {
            return new Split(text, null);
        }
        return new Split(
                fresh, String.join("\n", lines.subList(start, lines.size())).strip());
    }

    static boolean isAttribution(String text) {
        // Every attribution ends with a colon: checking that first spares most lines the pattern, whose
        // ".{1,250}" alternatives backtrack through every line and pair of lines of every message.
        return text.length() < 400
                && text.stripTrailing().endsWith(":")
                && ATTRIBUTION.matcher(text.strip()).matches();
    }

    static boolean startsWithForward(String text) {
        return text.lines()
                .filter(l -> !l.isBlank())
                .findFirst()
                .map(l -> FORWARD.matcher(l).matches())
                .orElse(false);
    }

    /** "From: …" followed within a few lines by two more header lines: a quoted Outlook header. */
    private static boolean isHeaderBlock(List<String> lines, int i) {
        if (!HEADER_FROM.matcher(lines.get(i)).matches()
                || (i > 0
                        && !lines.get(i - 1).isBlank()
                        && !OUTLOOK_RULE.matcher(lines.get(i - 1)).matches())) {
            return false;
        }
        int headers = 0;
        for (int k = i + 1; k < Math.min(lines.size(), i + 6); k++) {
            if (HEADER_NEXT.matcher(lines.get(k)).matches()) {
                headers++;
            }
        }
        return headers >= 2;
    }

    /** The first line of the "&gt;" block (blank lines allowed) that runs to the end, or -1. */
    private static int trailingQuoteBlock(List<String> lines) {
        int start = -1;
        boolean seenQuote = false;
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.startsWith(">")) {
                seenQuote = true;
                start = i;
            } else if (!line.isEmpty() || !seenQuote) {
                if (!line.isEmpty()) {
                    break;
                }
            }
        }
        return seenQuote ? start : -1;
    }
}
