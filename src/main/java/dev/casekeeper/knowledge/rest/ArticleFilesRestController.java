package dev.casekeeper.knowledge.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.knowledge.ArticleFile;
import dev.casekeeper.knowledge.ArticleFiles;
import dev.casekeeper.knowledge.ArticleId;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.SafeDownload;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files and pictures of an article for every agent: upload (all or none, each checked by its
 * bytes), list, download and delete. Files the help center serves are taken off by supervisors and
 * admins only.
 */
@RestController
@RequestMapping("/api/v1/knowledge/articles/{id}/files")
class ArticleFilesRestController {

    /**
     * One file of an article: {@code markdown} is what embeds it in the text (a picture) or links to it,
     * {@code helpCenterPath} where the help center serves it once published, {@code url} where agents
     * download it with the API.
     */
    record ArticleFileResponse(
            UUID id,
            String filename,
            String contentType,
            long size,
            boolean image,
            String sha256,
            boolean published,
            String markdown,
            String helpCenterPath,
            String url,
            Instant createdAt) {
        static ArticleFileResponse of(ArticleFile f) {
            return new ArticleFileResponse(
                    f.id(),
                    f.filename(),
                    f.contentType(),
                    f.size(),
                    f.image(),
                    f.sha256(),
                    f.published(),
                    f.markdown(),
                    f.path(),
                    "/api/v1/knowledge/articles/" + f.articleId() + "/files/" + f.id(),
                    f.createdAt());
        }
    }

    private final ArticleFiles files;

    ArticleFilesRestController(ArticleFiles files) {
        this.files = files;
    }

    /** One or more files as multipart parts named {@code files}. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<List<ArticleFileResponse>> upload(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> parts) {
        var added = files.add(new ArticleId(id), FileCheck.uploads(parts), me);
        return ResponseEntity.created(URI.create("/api/v1/knowledge/articles/" + id + "/files"))
                .body(added.stream().map(ArticleFileResponse::of).toList());
    }

    @GetMapping
    List<ArticleFileResponse> list(@PathVariable UUID id) {
        return files.of(new ArticleId(id)).stream().map(ArticleFileResponse::of).toList();
    }

    @GetMapping("/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID fileId) {
        var found = files.download(fileId);
        if (!found.file().articleId().value().equals(id)) {
            throw new NotFoundException("File", fileId);
        }
        return SafeDownload.of(found.file().filename(), found.file().contentType(), found.content());
    }

    @DeleteMapping("/{fileId}")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @PathVariable UUID fileId) {
        files.delete(new ArticleId(id), fileId, me);
        return ResponseEntity.noContent().build();
    }
}
