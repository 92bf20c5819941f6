package dev.casekeeper.portal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Serves a file a customer sent so that no browser runs it, with the headers the email channel's
 * attachments get (MailFilesRestController): plain pictures inline, everything else a download as
 * {@code application/octet-stream}, no sniffing by the browser, a sandbox, never cached by others.
 */
final class SafeFiles {

    private SafeFiles() {}

    static ResponseEntity<byte[]> serve(PortalAttachments.StoredFile file) {
        boolean inline = PortalAttachments.INLINE.contains(file.contentType());
        var disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.filename(), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(inline ? MediaType.parseMediaType(file.contentType()) : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(file.content());
    }
}
