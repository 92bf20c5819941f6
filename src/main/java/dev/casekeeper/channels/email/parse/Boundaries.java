package dev.casekeeper.channels.email.parse;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A second look at a multipart whose boundary Jakarta Mail did not find in the body: the boundary
 * the body actually uses. Senders quote it with single quotes, declare it twice, end it with a space
 * that the delimiter lines lose, or leave it out. A multipart read with no parts would lose all of
 * its text, so the delimiter lines of the body decide.
 */
final class Boundaries {

    private static final Pattern DECLARED = Pattern.compile("(?i)boundary[ \\t]*=[ \\t]*(\"[^\"]*\"|'[^']*'|[^;\\s]+)");

    private Boundaries() {}

    /** The multipart read with the boundary its body uses, or null when the body has no delimiter lines. */
    static @Nullable MimeMultipart repair(InputStream rawBody, String type, @Nullable String contentType)
            throws IOException {
        byte[] body;
        try (rawBody) {
            body = rawBody.readAllBytes();
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String boundary = used(text, contentType);
        if (boundary == null) {
            return null;
        }
        try {
            var multipart = new MimeMultipart(new ByteArrayDataSource(
                    body,
                    type + "; boundary=\"" + boundary.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
            return multipart.getCount() == 0 ? null : multipart;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable String used(String body, @Nullable String contentType) {
        var candidates = new LinkedHashSet<String>();
        if (contentType != null) {
            Matcher m = DECLARED.matcher(contentType);
            while (m.find()) {
                String value = m.group(1);
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                candidates.add(value.strip());
            }
        }
        for (String candidate : candidates) {
            if (!candidate.isEmpty() && (body.startsWith("--" + candidate) || body.contains("\n--" + candidate))) {
                return candidate;
            }
        }
        // None declared that the body uses: the first delimiter-like line that comes back closed.
        Matcher lines =
                Pattern.compile("(?m)^--([^\\r\\n]{1,200}?)[ \\t]*\\r?$").matcher(body);
        while (lines.find()) {
            String candidate = lines.group(1);
            if (!candidate.endsWith("--") && body.contains("--" + candidate + "--")) {
                return candidate;
            }
        }
        return null;
    }
}
