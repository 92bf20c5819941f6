package dev.casekeeper.knowledge;

import dev.casekeeper.cases.FileCheck;
import java.time.Instant;
import java.util.UUID;

/**
 * A file or picture of an article, without its bytes. {@code contentType} is the type sniffed from
 * the bytes; {@code sha256} (hex) is its ETag. {@code published} once the article was published with
 * it: only then, and only while the article is published and public, the help center serves it.
 */
public record ArticleFile(
        UUID id,
        ArticleId articleId,
        String filename,
        String contentType,
        long size,
        String sha256,
        boolean published,
        Instant createdAt) {

    /** Where the help center serves the file; the address an article's Markdown links to. */
    public static final String PUBLIC_PREFIX = "/help/files/";

    /** Where signed-in agents get the file, whatever the article's state (the editor's preview). */
    public static final String AGENT_PREFIX = "/knowledge/files/";

    /** A picture a browser shows inline (never SVG): embedded in the text rather than listed as a download. */
    public boolean image() {
        return FileCheck.INLINE.contains(contentType);
    }

    public String path() {
        return PUBLIC_PREFIX + id;
    }

    public String agentPath() {
        return AGENT_PREFIX + id;
    }

    /** What the editor puts in the text for it: a picture embedded, any other file a link. */
    public String markdown() {
        String text = filename.replaceAll("[\\[\\]\\\\]", "");
        if (image()) {
            int dot = text.lastIndexOf('.');
            return "![" + (dot > 0 ? text.substring(0, dot) : text) + "](" + path() + ")";
        }
        return "[" + text + "](" + path() + ")";
    }
}
