package dev.casekeeper.knowledge.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.cases.FileRefused;
import dev.casekeeper.knowledge.Article;
import dev.casekeeper.knowledge.ArticleFile;
import dev.casekeeper.knowledge.ArticleFiles;
import dev.casekeeper.knowledge.ArticleId;
import dev.casekeeper.knowledge.KnowledgeManagement;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.SafeDownload;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editor's Files card: an agent uploads files and pictures to an article (picked or dropped; with
 * htmx the card alone is swapped, so the text being typed stays) and takes them off; every agent gets
 * any article's file here, whatever its state. A refused upload stores nothing and says why in the card.
 */
@Controller
class ArticleFilesController {

    static final String FILES = KnowledgePagesController.EDIT + " :: files";

    /**
     * Why an upload was refused: a line of the bundle and its arguments (file name, count, megabytes).
     * Serializable, as a flash attribute it is kept in the session (in PostgreSQL) over the redirect.
     */
    record FilesRefusal(String key, String filename, long maxFiles, long maxMb) implements java.io.Serializable {}

    private final ArticleFiles files;
    private final KnowledgeManagement knowledge;

    ArticleFilesController(ArticleFiles files, KnowledgeManagement knowledge) {
        this.files = files;
        this.knowledge = knowledge;
    }

    /** The card's model: the article's files, which of them the agent may take off, the limits. */
    static void addTo(Model model, ArticleFiles files, Article article, SignedInAgent me, Set<UUID> uploaded) {
        var all = files.of(article.id());
        model.addAttribute("files", all);
        model.addAttribute(
                "fileKept",
                all.stream()
                        .filter(f -> ArticleFiles.mayNotDelete(article, f, me))
                        .map(ArticleFile::id)
                        .collect(Collectors.toSet()));
        model.addAttribute("uploaded", uploaded);
        model.addAttribute("fileLimits", files.limits());
    }

    @GetMapping("/knowledge/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable UUID fileId) {
        var found = files.download(fileId);
        return SafeDownload.of(found.file().filename(), found.file().contentType(), found.content());
    }

    @PostMapping("/knowledge/{id}/files")
    String upload(
            @PathVariable UUID id,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> parts,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var article = knowledge.find(new ArticleId(id));
        var uploads = FileCheck.uploads(parts);
        Set<UUID> uploaded = Set.of();
        FilesRefusal refusal = null;
        try {
            uploaded = files.add(article.id(), uploads, me).stream()
                    .map(ArticleFile::id)
                    .collect(Collectors.toSet());
        } catch (FileRefused e) {
            refusal = new FilesRefusal(
                    "knowledge.files.refused." + e.reason().key(), e.filename(), e.maxFiles(), e.maxFileMb());
        } catch (InvalidInputException e) {
            boolean none = uploads.stream()
                    .allMatch(u -> u.content().length == 0 && u.filename().isBlank());
            refusal = new FilesRefusal(
                    "knowledge.files.refused." + (none ? "none" : "full"),
                    "",
                    files.limits().maxFilesPerArticle(),
                    files.limits().maxFileMb());
        }
        if (htmx == null) {
            redirect.addFlashAttribute(
                    refusal == null ? "notice" : "filesRefusal",
                    refusal == null ? "knowledge.notice.filesAdded" : refusal);
            return "redirect:/knowledge/" + id + "#article-files";
        }
        if (refusal != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("filesRefusal", refusal);
        }
        return card(model, article, me, uploaded);
    }

    @PostMapping("/knowledge/{id}/files/{fileId}/delete")
    String delete(
            @PathVariable UUID id,
            @PathVariable UUID fileId,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal SignedInAgent me,
            RedirectAttributes redirect,
            Model model) {
        var article = knowledge.find(new ArticleId(id));
        files.delete(article.id(), fileId, me);
        if (htmx == null) {
            redirect.addFlashAttribute("notice", "knowledge.notice.fileDeleted");
            return "redirect:/knowledge/" + id + "#article-files";
        }
        return card(model, article, me, Set.of());
    }

    private String card(Model model, Article article, SignedInAgent me, Set<UUID> uploaded) {
        model.addAttribute("article", article);
        addTo(model, files, article, me, uploaded);
        return FILES;
    }
}
