package dev.casekeeper.knowledge;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base for agents: every agent writes and changes articles and sends them to review;
 * supervisors and admins publish them and take them back. Every save is a revision. A change to a
 * published article is kept as its pending draft (sent to review like an article) while readers keep
 * the published text, until the draft is published over it. Agents read every article, internal or
 * public, in any state.
 */
@Service
@Transactional
public class KnowledgeManagement {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 500;
    static final int MAX_BODY = 100_000;
    static final int MAX_NAME = 100;
    static final int MAX_TAGS = 20;

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}");
    private static final Logger log = LoggerFactory.getLogger(KnowledgeManagement.class);

    private final ArticleQueries articles;
    private final DraftQueries drafts;
    private final MarkQueries marks;
    private final FileQueries files;
    private final ReviewReminders reminders;
    private final AgentManagement agents;
    private final KnowledgeSettings settings;
    private final Clock clock;

    KnowledgeManagement(
            ArticleQueries articles,
            DraftQueries drafts,
            MarkQueries marks,
            FileQueries files,
            ReviewReminders reminders,
            AgentManagement agents,
            KnowledgeSettings settings,
            Clock clock) {
        this.articles = articles;
        this.drafts = drafts;
        this.marks = marks;
        this.files = files;
        this.reminders = reminders;
        this.agents = agents;
        this.settings = settings;
        this.clock = clock;
    }

    /** Writes a new article as a draft (or a translation of another, in the same family). */
    public Article create(SaveArticle command, SignedInAgent by) {
        var errors = new LinkedHashMap<String, String>();
        UUID family = UUID.randomUUID();
        if (command.translationOf() != null) {
            family = articles.find(command.translationOf())
                    .map(Article::familyId)
                    .orElseGet(() -> {
                        errors.put("translationOf", "is not an article");
                        return UUID.randomUUID();
                    });
        }
        Instant now = clock.instant();
        var article = checked(
                new ArticleId(UUID.randomUUID()),
                0L,
                family,
                command,
                null,
                errors,
                ArticleState.DRAFT,
                1,
                now,
                now,
                null,
                by);
        if (!articles.insert(article, by.id().value())) {
            throw new ConflictException(
                    "translation-exists", "This article already has a translation into " + article.locale());
        }
        articles.insertRevision(article, by.id().value(), now);
        reminders.schedule(article);
        log.info("Article {} written by agent {}", article.id(), by.id());
        return find(article.id());
    }

    /**
     * Saves a change as the article's next revision; a field left out (null) keeps its value. A
     * published article stays as it is: the change goes to its pending draft (started from the
     * published text, or the draft already pending), which keeps its state (draft or review).
     */
    public Article change(ArticleId id, SaveArticle command, SignedInAgent by) {
        var current = articles.lock(id.value()).orElseThrow(() -> notFound(id));
        Instant now = clock.instant();
        int revision = drafts.nextRevision(id.value());
        if (current.isPublished()) {
            var pending = drafts.find(id.value());
            var draft = checked(
                    id,
                    current.number(),
                    current.familyId(),
                    command,
                    pending.orElse(current),
                    new LinkedHashMap<>(),
                    pending.map(Article::state).orElse(ArticleState.DRAFT),
                    revision,
                    current.createdAt(),
                    now,
                    current.publishedAt(),
                    by);
            drafts.save(draft, by.id().value());
            articles.insertRevision(draft, by.id().value(), now);
            log.info("Article {}: draft revision {} saved by agent {}", id, revision, by.id());
            return find(id);
        }
        var article = checked(
                id,
                current.number(),
                current.familyId(),
                command,
                current,
                new LinkedHashMap<>(),
                current.state(),
                revision,
                current.createdAt(),
                now,
                current.publishedAt(),
                by);
        save(article, by, now);
        return find(id);
    }

    /** The change waiting to be published over a published article, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Article> pendingDraft(ArticleId id) {
        return drafts.find(id.value());
    }

    /** The pending drafts of the given articles, by article. */
    @Transactional(readOnly = true)
    public Map<ArticleId, Article> pendingDrafts(Collection<Article> of) {
        var found = new LinkedHashMap<ArticleId, Article>();
        drafts.of(of.stream().map(a -> a.id().value()).toList()).forEach((id, d) -> found.put(new ArticleId(id), d));
        return found;
    }

    /**
     * Moves the pending draft of a published article: any agent between draft and review; only
     * supervisors and admins publish it, which puts its text in the place of the published one.
     */
    public Article moveDraft(ArticleId id, ArticleState state, SignedInAgent by) {
        var current = articles.lock(id.value()).orElseThrow(() -> notFound(id));
        var draft = drafts.find(id.value()).orElseThrow(() -> new NotFoundException("Pending draft of article", id));
        if (state == ArticleState.PUBLISHED && !mayPublish(by)) {
            throw new AccessDeniedException("Only supervisors and admins publish articles");
        }
        if (draft.state() == state) {
            return current;
        }
        Instant now = clock.instant();
        int revision = drafts.nextRevision(id.value());
        var moved =
                withState(draft, state, revision, now, state == ArticleState.PUBLISHED ? now : current.publishedAt());
        if (state == ArticleState.PUBLISHED) {
            drafts.delete(id.value());
            save(moved, by, now);
            files.publish(id);
            log.info("Article {}: draft published as revision {} by agent {}", id, revision, by.id());
        } else {
            drafts.save(moved, by.id().value());
            articles.insertRevision(moved, by.id().value(), now);
            log.info("Article {}: draft moved to {} by agent {}", id, state, by.id());
        }
        return find(id);
    }

    /** Throws the pending draft away; the published article stays as it is. Its revisions stay in the history. */
    public void discardDraft(ArticleId id, SignedInAgent by) {
        articles.lock(id.value()).orElseThrow(() -> notFound(id));
        if (!drafts.delete(id.value())) {
            throw new NotFoundException("Pending draft of article", id);
        }
        log.info("Article {}: pending draft discarded by agent {}", id, by.id());
    }

    /**
     * Moves an article to another state: any agent between draft and review; only supervisors and
     * admins publish one or take a published one back. Moving to the state it is in changes nothing.
     */
    public Article moveTo(ArticleId id, ArticleState state, SignedInAgent by) {
        var current = articles.lock(id.value()).orElseThrow(() -> notFound(id));
        if (current.state() == state) {
            return current;
        }
        if ((state == ArticleState.PUBLISHED || current.state() == ArticleState.PUBLISHED) && !mayPublish(by)) {
            throw new AccessDeniedException("Only supervisors and admins publish articles or take them back");
        }
        if (current.isPublished() && drafts.find(id.value()).isPresent()) {
            throw new ConflictException(
                    "pending-draft", "This article has a pending draft: publish or discard it first");
        }
        Instant now = clock.instant();
        var moved = withState(
                current,
                state,
                drafts.nextRevision(id.value()),
                now,
                state == ArticleState.PUBLISHED ? now : current.publishedAt());
        save(moved, by, now);
        if (state == ArticleState.PUBLISHED) {
            files.publish(id);
        }
        log.info("Article {} moved from {} to {} by agent {}", id, current.state(), state, by.id());
        return find(id);
    }

    /** Whether the agent may publish articles and take them back. */
    public static boolean mayPublish(SignedInAgent agent) {
        return agent.role() == Role.SUPERVISOR || agent.role() == Role.ADMIN;
    }

    @Transactional(readOnly = true)
    public Article find(ArticleId id) {
        return articles.find(id.value()).orElseThrow(() -> notFound(id));
    }

    /** Articles matching the words (best first; every one without), optionally only those in one state. */
    @Transactional(readOnly = true)
    public List<Article> list(@Nullable String q, @Nullable ArticleState state, int limit) {
        return articles.list(SearchText.query(q), state == null ? null : state.value(), limit);
    }

    /** The article's translations, the article itself among them, by language. */
    @Transactional(readOnly = true)
    public List<Article> translations(ArticleId id) {
        return articles.family(find(id).familyId());
    }

    /** Every save of the article, the newest first. */
    @Transactional(readOnly = true)
    public List<Revision> revisions(ArticleId id) {
        find(id);
        return articles.revisions(id.value());
    }

    /** What changed from one revision to another. */
    @Transactional(readOnly = true)
    public RevisionDiff diff(ArticleId id, int from, int to) {
        var revisions = revisions(id);
        var older = revisions.stream().filter(r -> r.number() == from).findFirst();
        var newer = revisions.stream().filter(r -> r.number() == to).findFirst();
        var errors = new LinkedHashMap<String, String>();
        if (older.isEmpty()) {
            errors.put("from", "is not a revision of this article");
        }
        if (newer.isEmpty()) {
            errors.put("to", "is not a revision of this article");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return RevisionDiffs.between(older.get(), newer.get());
    }

    /** How the article served readers and agents. */
    @Transactional(readOnly = true)
    public ArticleStats stats(ArticleId id) {
        find(id);
        return marks.stats(id.value());
    }

    /** Markdown as readers would get it. */
    public String preview(String markdown) {
        return Markdown.html(markdown);
    }

    /**
     * The same for the editor's preview on the agents' pages: articles' files are linked where agents
     * get them, as the help center serves no file before its article is published with it.
     */
    public String agentPreview(String markdown) {
        return Markdown.agentHtml(markdown);
    }

    /** The names of the agents who own or saved the given articles and revisions. */
    @Transactional(readOnly = true)
    public Map<AgentId, String> names(java.util.Collection<UUID> agentIds) {
        return agents.names(agentIds.stream().map(AgentId::new).toList());
    }

    public List<String> locales() {
        return settings.locales();
    }

    private static Article withState(
            Article a, ArticleState state, int revision, Instant now, @Nullable Instant publishedAt) {
        return new Article(
                a.id(),
                a.number(),
                a.familyId(),
                a.locale(),
                a.title(),
                a.slug(),
                a.summary(),
                a.body(),
                a.html(),
                a.category(),
                a.section(),
                a.tags(),
                a.visibility(),
                state,
                a.ownerId(),
                a.reviewBy(),
                revision,
                a.createdAt(),
                now,
                publishedAt);
    }

    private void save(Article article, SignedInAgent by, Instant now) {
        articles.update(article, by.id().value());
        articles.insertRevision(article, by.id().value(), now);
        reminders.schedule(article);
    }

    /** The article as it will be saved, after checking every field; every problem is named at once. */
    private Article checked(
            ArticleId id,
            long number,
            UUID family,
            SaveArticle command,
            @Nullable Article current,
            Map<String, String> errors,
            ArticleState state,
            int revision,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant publishedAt,
            SignedInAgent by) {
        String title =
                text(command.title(), current == null ? null : current.title(), "title", MAX_TITLE, true, errors);
        String summary = text(
                command.summary(), current == null ? "" : current.summary(), "summary", MAX_SUMMARY, false, errors);
        String body = text(command.body(), current == null ? null : current.body(), "body", MAX_BODY, true, errors);
        String category = text(
                command.category(), current == null ? "" : current.category(), "category", MAX_NAME, false, errors);
        String section =
                text(command.section(), current == null ? "" : current.section(), "section", MAX_NAME, false, errors);
        String locale = current != null ? current.locale() : locale(command.locale(), errors);
        if (current != null && command.locale() != null && !command.locale().equals(current.locale())) {
            errors.put("locale", "cannot change; write a translation instead");
        }
        var visibility = current == null ? Visibility.INTERNAL : current.visibility();
        if (command.visibility() != null) {
            try {
                visibility = Visibility.from(command.visibility());
            } catch (IllegalArgumentException e) {
                errors.put("visibility", "must be internal or public");
            }
        }
        var tags =
                tags(command.tags() == null ? (current == null ? List.of() : current.tags()) : command.tags(), errors);
        UUID owner = command.ownerId() != null
                ? command.ownerId()
                : current == null ? by.id().value() : current.ownerId();
        if (command.ownerId() != null
                && agents.findActive(new AgentId(command.ownerId())).isEmpty()) {
            errors.put("ownerId", "is not an active agent");
        }
        var reviewBy = command.reviewBy() != null ? command.reviewBy() : current == null ? null : current.reviewBy();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Article(
                id,
                number,
                family,
                locale,
                title,
                Slugs.of(title),
                summary,
                body,
                Markdown.html(body),
                category,
                section,
                tags,
                visibility,
                state,
                owner,
                reviewBy,
                revision,
                createdAt,
                updatedAt,
                publishedAt);
    }

    private String locale(@Nullable String given, Map<String, String> errors) {
        String locale = given == null || given.isBlank() ? settings.defaultLocale() : given.strip();
        if (!LOCALE.matcher(locale).matches() || !settings.locales().contains(locale)) {
            errors.put("locale", "must be one of " + String.join(", ", settings.locales()));
        }
        return locale;
    }

    private static String text(
            @Nullable String given,
            @Nullable String current,
            String field,
            int max,
            boolean required,
            Map<String, String> errors) {
        String value = given != null ? given.strip() : current == null ? "" : current;
        if (required && value.isBlank()) {
            errors.put(field, "must not be blank");
        } else if (value.length() > max) {
            errors.put(field, "must be at most " + max + " characters long");
        }
        return value;
    }

    private static List<String> tags(List<String> given, Map<String, String> errors) {
        var tags = new LinkedHashSet<String>();
        for (String tag : given) {
            String clean = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > 50) {
                errors.put("tags", "each must be at most 50 characters long");
            }
            tags.add(clean);
        }
        if (tags.size() > MAX_TAGS) {
            errors.put("tags", "must be at most " + MAX_TAGS);
        }
        return List.copyOf(tags);
    }

    static NotFoundException notFound(ArticleId id) {
        return new NotFoundException("Article", id);
    }
}
