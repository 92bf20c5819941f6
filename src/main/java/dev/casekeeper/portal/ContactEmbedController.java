package dev.casekeeper.portal;

import dev.casekeeper.channels.ChannelManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.multipart.MultipartFile;

/**
 * The embeddable web form: {@code /contact/embed.js}, one script tag on the customer's site, which
 * asks {@code /contact/embed/form} for the form (its texts in the page's language, the topics, a
 * ticket for the time-to-submit check) and posts it to {@code /contact/embed}, through the same
 * checks as the hosted form ({@link WebForm}). Only pages of the origins the chat widget may be
 * embedded in ({@code casekeeper.chat.allowed-origins}; none: Casekeeper's own) get an answer they can
 * read; a post from any other origin is refused and changes nothing. No cookie is used, so there is
 * no session to forge a request with.
 */
@RestController
class ContactEmbedController {

    /** The texts the script shows, by the name it knows them by. */
    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("title", "portal.contact.title"),
            Map.entry("lede", "portal.contact.lede"),
            Map.entry("name", "portal.contact.name"),
            Map.entry("email", "portal.contact.email"),
            Map.entry("topic", "portal.contact.topic"),
            Map.entry("topicPick", "portal.contact.topicPick"),
            Map.entry("description", "portal.contact.description"),
            Map.entry("files", "portal.files.label"),
            Map.entry("website", "portal.contact.website"),
            Map.entry("submit", "portal.contact.submit"),
            Map.entry("sentTitle", "portal.contact.sentTitle"),
            Map.entry("fix", "portal.contact.fix"),
            Map.entry("unavailable", "portal.contact.embed.unavailable"));

    /** How long a field's value may be, as its error message says. */
    private static final Map<String, Integer> LIMITS = Map.of(
            "name", WebForm.MAX_NAME, "email", 320, "topic", WebForm.MAX_TOPIC, "description", WebForm.MAX_DESCRIPTION);

    record Topic(String id, String label) {}

    record Form(String lang, Map<String, String> texts, List<Topic> topics, String ticket) {}

    record Sent(long number, List<String> lines) {}

    record Refusal(String message, Map<String, String> errors) {}

    private final WebForm form;
    private final ContactTopics topics;
    private final ContactTickets tickets;
    private final ChannelManagement channels;
    private final MessageSource messages;
    private final byte[] script;
    private final String etag;

    ContactEmbedController(
            WebForm form,
            ContactTopics topics,
            ContactTickets tickets,
            ChannelManagement channels,
            MessageSource messages) {
        this.form = form;
        this.topics = topics;
        this.tickets = tickets;
        this.channels = channels;
        this.messages = messages;
        try (var in = new ClassPathResource("portal/contact-embed.js").getInputStream()) {
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

    /** The script, as the chat widget's: kept an hour, then asked for again with its ETag. */
    @GetMapping("/contact/embed.js")
    ResponseEntity<byte[]> script(WebRequest request) {
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .eTag(etag)
                .body(script);
    }

    @GetMapping("/contact/embed/form")
    ResponseEntity<?> form(@RequestParam(defaultValue = "") String lang, HttpServletRequest request, Locale requested) {
        String origin = allowedOrigin(request);
        if (origin == null) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        var locale = locale(lang, requested);
        var texts = new LinkedHashMap<String, String>();
        TEXTS.forEach((name, key) -> texts.put(name, messages.getMessage(key, null, locale)));
        texts.put(
                "filesHint",
                messages.getMessage(
                        "portal.files.hint",
                        new Object[] {PortalAttachments.MAX_FILES, PortalAttachments.MAX_FILE_MB},
                        locale));
        var offered = topics.list().stream()
                .map(topic -> new Topic(topic.id().toString(), topic.label(locale)))
                .toList();
        return cors(ResponseEntity.ok(), origin)
                .cacheControl(CacheControl.noStore())
                .body(new Form(locale.getLanguage(), texts, offered, tickets.issue()));
    }

    @PostMapping("/contact/embed")
    ResponseEntity<?> submit(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String topic,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String website,
            @RequestParam(defaultValue = "") String ticket,
            @RequestParam(defaultValue = "") String lang,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            HttpServletRequest request,
            Locale requested)
            throws IOException {
        String origin = allowedOrigin(request);
        if (origin == null) {
            form.refuseOrigin();
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        var locale = locale(lang, requested);
        try {
            var ack = form.submit(
                    new WebForm.Submission(name, email, topic, description, website),
                    MyRequestsController.uploads(files),
                    tickets.shownAt(ticket),
                    request.getRemoteAddr(),
                    locale);
            var lines = new java.util.ArrayList<String>();
            lines.add(messages.getMessage("portal.contact.sent", new Object[] {ack.number()}, locale));
            if (ack.team() != null) {
                lines.add(messages.getMessage("portal.contact.sentTeam", new Object[] {ack.team()}, locale));
            }
            if (ack.firstResponse() != null) {
                lines.add(messages.getMessage(
                        "portal.contact.sentFirstResponse",
                        new Object[] {PortalCases.format(ack.firstResponse().dueAt(), locale)},
                        locale));
            }
            lines.add(messages.getMessage("portal.contact.sentNext", null, locale));
            return cors(ResponseEntity.status(HttpStatus.CREATED), origin).body(new Sent(ack.number(), lines));
        } catch (WebForm.Refused e) {
            var errors = new LinkedHashMap<String, String>();
            e.errors.forEach((field, key) -> errors.put(
                    field,
                    field.equals("files")
                            ? messages.getMessage(
                                    key,
                                    new Object[] {e.file, PortalAttachments.MAX_FILES, PortalAttachments.MAX_FILE_MB},
                                    locale)
                            : messages.getMessage(key, new Object[] {LIMITS.getOrDefault(field, 0)}, locale)));
            String message = switch (e.outcome) {
                case RATE_LIMITED -> messages.getMessage("portal.limited", new Object[] {e.minutes}, locale);
                case INVALID -> messages.getMessage("portal.contact.fix", null, locale);
                default -> messages.getMessage("portal.contact.refused", null, locale);
            };
            var status =
                    e.outcome == WebForm.Outcome.RATE_LIMITED ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.BAD_REQUEST;
            return cors(ResponseEntity.status(status), origin)
                    // A new ticket: the next try is timed from now, as the hosted form's.
                    .header("X-Contact-Ticket", tickets.issue())
                    .body(new Refusal(message, errors));
        }
    }

    private static ResponseEntity.BodyBuilder cors(ResponseEntity.BodyBuilder response, String origin) {
        return response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "X-Contact-Ticket")
                .header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }

    /**
     * The request's origin when a page there may use the form: one of the chat widget's allowed
     * origins, or Casekeeper's own (also when none are set); {@code "*"} stands for a request without
     * an {@code Origin} (not from a page of another site). Null: refused.
     */
    private @Nullable String allowedOrigin(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return "*";
        }
        String own = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443
                        ? ""
                        : ":" + request.getServerPort());
        if (origin.equalsIgnoreCase(own)) {
            return origin;
        }
        var allowed = channels.embeddingOrigins();
        if (allowed.isEmpty()) {
            return null;
        }
        var cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(allowed);
        return cors.checkOrigin(origin);
    }

    private static Locale locale(String lang, Locale requested) {
        return switch (lang.strip().toLowerCase(Locale.ROOT)) {
            case "en", "de", "es" -> Locale.of(lang.strip().toLowerCase(Locale.ROOT));
            default -> requested;
        };
    }
}
