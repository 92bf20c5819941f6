package dev.casekeeper.knowledge.web;

import dev.casekeeper.knowledge.HelpCenter;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.SafeDownload;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pictures and files of published public articles, for anyone: served as every uploaded file is
 * (pictures inline, anything else a download, never run), and cacheable by anyone for a few minutes
 * with the hash of the bytes as ETag. A file of a draft, of an internal article or of an article taken
 * back is not found, so nothing an agent has not published leaves through the help center.
 */
@RestController
class HelpFilesController {

    /** How long a cache keeps a file before asking again: the most a file taken off stays visible. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final HelpCenter help;

    HelpFilesController(HelpCenter help) {
        this.help = help;
    }

    @GetMapping("/help/files/{id}")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        var found = help.file(id).orElseThrow(() -> new NotFoundException("File", id));
        var file = found.file();
        return SafeDownload.published(file.filename(), file.contentType(), found.content(), file.sha256(), MAX_AGE);
    }
}
