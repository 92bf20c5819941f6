package dev.casekeeper.channels.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code /widget.js}, the one script a site embeds. Its URL never changes, so browsers keep it for
 * only {@value #CACHE_MINUTES} minutes and then ask again with its ETag (an unchanged script is
 * answered 304): a new version reaches every site within the hour.
 */
@RestController
class WidgetScriptController {

    static final long CACHE_MINUTES = 60;

    private final byte[] script;
    private final String etag;

    WidgetScriptController() {
        try (var in = new ClassPathResource("chat/widget.js").getInputStream()) {
            this.script = in.readAllBytes();
            this.etag = "\""
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(script), 0, 8) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping("/widget.js")
    ResponseEntity<byte[]> widget(WebRequest request) {
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).build();
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .cacheControl(
                        CacheControl.maxAge(Duration.ofMinutes(CACHE_MINUTES)).cachePublic())
                .eTag(etag)
                .body(script);
    }
}
