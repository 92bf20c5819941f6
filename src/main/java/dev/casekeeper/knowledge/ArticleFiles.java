package dev.casekeeper.knowledge;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files and pictures of articles, for agents: every agent adds them to any article and reads
 * them; each goes through {@link FileCheck} (its kind sniffed from its bytes, never SVG or HTML) and
 * the article's limits before anything is stored. A file added to a published article reaches the
 * help center when the article is next published; so, as a change of the text does, taking a file
 * off a published article takes a supervisor or an admin.
 */
@Service
@Transactional
public class ArticleFiles {

    private static final Logger log = LoggerFactory.getLogger(ArticleFiles.class);

    private final FileQueries files;
    private final ArticleQueries articles;
    private final KnowledgeSettings settings;
    private final Clock clock;

    ArticleFiles(FileQueries files, ArticleQueries articles, KnowledgeSettings settings, Clock clock) {
        this.files = files;
        this.articles = articles;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Adds the files to the article, all or none.
     *
     * @throws dev.casekeeper.cases.FileRefused when one is empty, too large or of a kind not allowed
     * @throws InvalidInputException ({@code files}) when none is given or the article would keep too many
     */
    public List<ArticleFile> add(ArticleId id, List<FileCheck.Upload> uploads, SignedInAgent by) {
        articles.lock(id.value()).orElseThrow(() -> KnowledgeManagement.notFound(id));
        int max = settings.maxFilesPerArticle();
        var checked = FileCheck.check(uploads, max, settings.maxFileSize().toBytes());
        if (checked.isEmpty()) {
            throw new InvalidInputException("files", "choose a file to upload");
        }
        int kept = files.count(id);
        if (kept + checked.size() > max) {
            throw new InvalidInputException(
                    "files", "an article keeps at most " + max + " files; this one has " + kept);
        }
        Instant now = clock.instant();
        for (var file : checked) {
            files.insert(
                    id,
                    file.id(),
                    file.filename(),
                    file.contentType(),
                    file.content(),
                    sha256(file.content()),
                    by.id().value(),
                    now);
        }
        log.info("Article {}: {} file(s) added by agent {}", id, checked.size(), by.id());
        var added = checked.stream().map(FileCheck.Checked::id).toList();
        return files.of(id).stream().filter(f -> added.contains(f.id())).toList();
    }

    /** The article's files, the first added first. */
    @Transactional(readOnly = true)
    public List<ArticleFile> of(ArticleId id) {
        articles.find(id.value()).orElseThrow(() -> KnowledgeManagement.notFound(id));
        return files.of(id);
    }

    /** A file with its bytes, for agents (who read every article, internal or public, in any state). */
    @Transactional(readOnly = true)
    public ArticleFileContent download(UUID fileId) {
        return files.content(fileId).orElseThrow(() -> new NotFoundException("File", fileId));
    }

    /**
     * Takes a file off the article. A file the help center serves (the article is published with it)
     * is taken off by supervisors and admins only, as they alone change what readers see.
     */
    public void delete(ArticleId id, UUID fileId, SignedInAgent by) {
        var article = articles.lock(id.value()).orElseThrow(() -> KnowledgeManagement.notFound(id));
        var file = files.find(fileId)
                .filter(f -> f.articleId().equals(id))
                .orElseThrow(() -> new NotFoundException("File", fileId));
        if (mayNotDelete(article, file, by)) {
            throw new AccessDeniedException(
                    "This file is on the published article: only supervisors and admins take it off");
        }
        files.delete(fileId);
        log.info("Article {}: file {} deleted by agent {}", id, fileId, by.id());
    }

    /** Whether the agent is refused to take the file off the article (readers see it, and she does not publish). */
    public static boolean mayNotDelete(Article article, ArticleFile file, SignedInAgent agent) {
        return article.isPublished() && file.published() && !KnowledgeManagement.mayPublish(agent);
    }

    public KnowledgeSettings limits() {
        return settings;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
