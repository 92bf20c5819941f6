package dev.casekeeper.shared;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Serves a file someone attached (a customer's mail or portal upload, an agent's reply) so that no
 * browser runs it: only plain raster pictures inline, everything else a download as
 * {@code application/octet-stream}, no sniffing by the browser, a sandbox, never cached by others
 * (unless published to anyone).
 * Every attachment endpoint answers through here, so they cannot drift apart.
 */
public final class SafeDownload {

    private static final Set<String> SAFE_INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private SafeDownload() {}

    public static ResponseEntity<byte[]> of(String filename, String contentType, byte[] content) {
        return served(filename, contentType)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(content);
    }

    /**
     * The same for a file published to anyone (a help-center article's picture): any cache may keep it
     * for {@code maxAge} and then ask again with its ETag (a hash of its bytes), so a file taken off the
     * help center stops being served within that time.
     */
    public static ResponseEntity<byte[]> published(
            String filename, String contentType, byte[] content, String etag, Duration maxAge) {
        return served(filename, contentType)
                .cacheControl(CacheControl.maxAge(maxAge).cachePublic())
                .eTag(etag)
                .body(content);
    }

    private static ResponseEntity.BodyBuilder served(String filename, String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        boolean inline = SAFE_INLINE.contains(type);
        var disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(filename, StandardCharsets.UTF_8)
                .build();
        MediaType mediaType;
        try {
            mediaType = inline ? MediaType.parseMediaType(type) : MediaType.APPLICATION_OCTET_STREAM;
        } catch (RuntimeException e) {
            mediaType = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'");
    }
}
