package dev.casekeeper.channels.email.parse;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * Parses a raw message (Jakarta Mail, configured to be lenient) into a {@link ParsedMessage}. It
 * never throws: a message Jakarta Mail cannot take apart comes back as {@link #unreadable} text
 * with a warning, and every part that fails on its own is reported and skipped, not fatal.
 */
public final class MimeParser {

    /**
     * @param attachmentUrl prefix of the URL an attachment is served at; its id is appended. Inline
     *     images ({@code cid:}) in the HTML are rewritten to it.
     */
    public record Limits(
            long maxAttachmentSize, int maxAttachments, int maxTextLength, int maxHtmlLength, String attachmentUrl) {}

    private static final int MAX_DEPTH = 12;
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern LOOSE_ADDRESS =
            Pattern.compile("[^\\s<>()\",;:@\\[\\]]+@[^\\s<>()\",;:@\\[\\]]+\\.[A-Za-z0-9-]+");
    private static final Pattern USABLE_ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Session SESSION;

    static {
        MailLeniency.apply();
        SESSION = Session.getInstance(MailLeniency.sessionProperties());
    }

    private MimeParser() {}

    public static ParsedMessage parse(byte[] raw, Limits limits) {
        if (raw.length == 0 || new String(raw, StandardCharsets.ISO_8859_1).isBlank()) {
            return unreadable(raw, "The message is empty: it has no headers and no text", limits);
        }
        var repaired = HeaderBlocks.repair(normalizeLoneCarriageReturns(raw));
        if (!repaired.hasHeaders()) {
            return headerless(repaired.raw(), limits);
        }
        try {
            var message = new MimeMessage(SESSION, new ByteArrayInputStream(repaired.raw()));
            var parts = new Collector(limits, 0);
            parts.walk(message, 0);
            if (Storable.hasNul(raw)) {
                parts.warnings.add("The message contained NUL characters, which cannot be stored; they were left out"
                        + " (the original message has them)");
            }
            return Storable.of(assemble(message, parts, limits));
        } catch (MessagingException | RuntimeException | StackOverflowError e) {
            return unreadable(raw, "The message could not be read as email (" + describe(e) + ")", limits);
        }
    }

    /** The raw message as plain text with a warning: shown safely, never as HTML. */
    public static ParsedMessage unreadable(byte[] raw, String reason, Limits limits) {
        String text = CONTROL.matcher(Charsets.decode(raw, null)).replaceAll("");
        if (text.length() > limits.maxTextLength()) {
            text = text.substring(0, limits.maxTextLength());
        }
        var headers = new ParsedMessage.Headers(Map.of(), null);
        String shown = text.isBlank() ? "" : "The raw message follows as plain text.\n\n" + text;
        return new ParsedMessage(
                null,
                null,
                List.of(),
                "",
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                shown,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                headers,
                java.util.Set.of(),
                List.of(reason));
    }

    /**
     * A message that starts with text instead of header fields: all of it is the text, as an agent
     * would read it, with a warning. (Parsed as email, its first line would become a header.)
     */
    private static ParsedMessage headerless(byte[] raw, Limits limits) {
        String text = CONTROL.matcher(
                        Charsets.decode(raw, null).replace("\r\n", "\n").replace('\r', '\n'))
                .replaceAll("")
                .strip();
        var warnings = new ArrayList<String>();
        warnings.add("The message has no header block (no sender, subject or date); all of it is shown as text");
        if (text.length() > limits.maxTextLength()) {
            text = text.substring(0, limits.maxTextLength());
            warnings.add("The text was shortened to " + limits.maxTextLength()
                    + " characters; the original message has all of it");
        }
        return new ParsedMessage(
                null,
                null,
                List.of(),
                "",
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                text,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                new ParsedMessage.Headers(Map.of(), null),
                java.util.Set.of(),
                List.copyOf(warnings));
    }

    private static ParsedMessage assemble(MimeMessage message, Collector parts, Limits limits)
            throws MessagingException {
        var warnings = parts.warnings;
        String html = parts.html.isEmpty() ? null : String.join("\n<hr>\n", parts.html);
        String quotedHtmlText = null;
        if (html != null) {
            var split = HtmlText.splitQuoted(html);
            html = split.html();
            quotedHtmlText = split.quoted() == null ? null : HtmlText.toText(split.quoted());
            if (html.length() > limits.maxHtmlLength()) {
                warnings.add("The HTML of this message is too large to show; its text is shown instead");
                html = null;
            } else if (!HtmlText.showsAnything(html)) {
                // Empty, or only a script or style: shown as HTML it would hide the text the message has.
                html = null;
            } else {
                html = inlineImages(html, parts.attachments, limits);
            }
        }
        String text = parts.text.isEmpty() ? null : String.join("\n\n", parts.text);
        String quoted;
        if (text != null) {
            var split = QuotedHistory.split(text);
            text = split.text();
            quoted = split.quoted();
        } else {
            text = html == null ? "" : HtmlText.toText(html);
            quoted = quotedHtmlText;
        }
        text = CONTROL.matcher(text).replaceAll("").strip();
        if (text.length() > limits.maxTextLength()) {
            text = text.substring(0, limits.maxTextLength());
            warnings.add("The text was shortened to " + limits.maxTextLength()
                    + " characters; the original message has all of it");
        }
        if (quoted != null && quoted.length() > limits.maxTextLength()) {
            quoted = quoted.substring(0, limits.maxTextLength());
        }
        if (text.isBlank()) {
            warnings.add(
                    parts.attachments.isEmpty()
                            ? "The message has no readable text"
                            : "The message has no text, only attachments");
        }
        var headers = headers(message);
        return new ParsedMessage(
                messageId(header(message, "Message-ID")),
                firstId(header(message, "In-Reply-To")),
                ids(header(message, "References")),
                HeaderText.decode(header(message, "Subject")),
                first(addresses(header(message, "From"))),
                first(addresses(header(message, "Sender"))),
                addresses(header(message, "Reply-To")),
                addresses(header(message, "To")),
                addresses(header(message, "Cc")),
                date(message),
                text,
                quoted,
                html,
                List.copyOf(parts.attachments),
                List.copyOf(parts.forwarded),
                List.copyOf(parts.reportedIds),
                headers,
                java.util.Set.copyOf(parts.partTypes),
                List.copyOf(warnings));
    }

    /** Points {@code cid:} images at their attachments and marks those attachments inline. */
    private static String inlineImages(String html, List<ParsedMessage.Attachment> attachments, Limits limits) {
        if (!html.toLowerCase(Locale.ROOT).contains("cid:")) {
            return html;
        }
        var document = Jsoup.parse(html);
        var byContentId = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < attachments.size(); i++) {
            var contentId = attachments.get(i).contentId();
            if (contentId != null) {
                byContentId.put(contentId.toLowerCase(Locale.ROOT), i);
            }
        }
        for (var image : document.select("[src^=cid:], [src^=CID:]")) {
            String id = image.attr("src").substring(4).strip().toLowerCase(Locale.ROOT);
            if (id.startsWith("<") && id.endsWith(">")) {
                id = id.substring(1, id.length() - 1);
            }
            Integer index = byContentId.get(id);
            if (index == null) {
                image.removeAttr("src");
                continue;
            }
            var attachment = attachments.get(index);
            attachments.set(
                    index,
                    new ParsedMessage.Attachment(
                            attachment.id(),
                            attachment.filename(),
                            attachment.contentType(),
                            attachment.size(),
                            attachment.contentId(),
                            true,
                            attachment.content(),
                            attachment.omitted()));
            image.attr("src", limits.attachmentUrl() + attachment.id());
        }
        return document.body().html();
    }

    /** Walks the MIME tree, collecting text, HTML and attachments; shared by forwarded messages within. */
    private static final class Collector {

        final Limits limits;
        final List<String> text = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<ParsedMessage.Attachment> attachments;
        final List<ParsedMessage.Forwarded> forwarded;
        final List<String> reportedIds;
        final List<String> warnings;
        final java.util.Set<String> partTypes;
        final int depth;
        private boolean inReport;

        Collector(Limits limits, int depth) {
            this(
                    limits,
                    depth,
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new java.util.HashSet<>());
        }

        private Collector(
                Limits limits,
                int depth,
                List<ParsedMessage.Attachment> attachments,
                List<ParsedMessage.Forwarded> forwarded,
                List<String> reportedIds,
                List<String> warnings,
                java.util.Set<String> partTypes) {
            this.limits = limits;
            this.depth = depth;
            this.attachments = attachments;
            this.forwarded = forwarded;
            this.reportedIds = reportedIds;
            this.warnings = warnings;
            this.partTypes = partTypes;
        }

        /** A collector of its own text and HTML that shares attachments and warnings with this one. */
        Collector child(int childDepth) {
            var child = new Collector(limits, childDepth, attachments, forwarded, reportedIds, warnings, partTypes);
            child.inReport = inReport;
            return child;
        }

        void walk(Part part, int level) {
            String type = baseType(part);
            partTypes.add(type);
            if (level > MAX_DEPTH) {
                warnings.add("Parts nested deeper than " + MAX_DEPTH + " levels are kept as attachments");
                attach(part, type);
                return;
            }
            try {
                if (type.startsWith("multipart/")) {
                    multipart(part, type, level);
                } else if (type.equals("message/rfc822") || type.equals("message/global")) {
                    forwarded(part, level);
                } else if (type.equals("text/rfc822-headers") || type.equals("message/rfc822-headers")) {
                    reportedHeaders(part);
                    attach(part, type);
                } else if (isAttachment(part, type, text.isEmpty() && html.isEmpty())) {
                    attach(part, type);
                } else if (type.equals("text/plain") || type.equals("text/enriched") || isReportPart(type)) {
                    text.add(textOf(part));
                } else if (type.equals("text/html")) {
                    html.add(textOf(part));
                } else {
                    attach(part, type);
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                warnings.add("A part of type " + type + " could not be read (" + describe(e) + ") and was skipped");
            }
        }

        private void multipart(Part part, String type, int level) throws MessagingException, IOException {
            Object content;
            try {
                content = part.getContent();
            } catch (MessagingException | IOException | RuntimeException e) {
                content = null;
            }
            if (!(content instanceof Multipart parsed) || parsed.getCount() == 0) {
                var repaired = Boundaries.repair(raw(part), type, header(part, "Content-Type"));
                if (repaired != null) {
                    content = repaired;
                }
            }
            if (!(content instanceof Multipart multipart)) {
                warnings.add("A " + type + " part has no readable parts; it is shown as text");
                text.add(textOf(part));
                return;
            }
            if (type.equals("multipart/report")) {
                inReport = true;
            }
            int count = multipart.getCount();
            if (type.equals("multipart/alternative")) {
                alternative(multipart, count, level);
            } else if (type.equals("multipart/related") && count > 0) {
                walk(multipart.getBodyPart(0), level + 1);
                for (int i = 1; i < count; i++) {
                    BodyPart resource = multipart.getBodyPart(i);
                    attach(resource, baseType(resource));
                }
            } else {
                for (int i = 0; i < count; i++) {
                    walk(multipart.getBodyPart(i), level + 1);
                }
            }
        }

        /** The richest version of the same content: HTML for the HTML view, plain text for the text. */
        private void alternative(Multipart multipart, int count, int level) throws MessagingException {
            String plain = null;
            String richest = null;
            for (int i = 0; i < count; i++) {
                var version = child(depth);
                version.walk(multipart.getBodyPart(i), level + 1);
                if (!version.html.isEmpty()) {
                    richest = String.join("\n", version.html);
                }
                if (!version.text.isEmpty() && version.html.isEmpty()) {
                    plain = String.join("\n\n", version.text);
                }
            }
            if (plain != null) {
                text.add(plain);
            }
            if (richest != null) {
                html.add(richest);
            }
        }

        private void forwarded(Part part, int level) throws MessagingException, IOException {
            MimeMessage inner;
            Object content = part.getContent();
            if (content instanceof MimeMessage message) {
                inner = message;
            } else {
                inner = new MimeMessage(SESSION, part.getInputStream());
            }
            var nested = child(depth + 1);
            nested.inReport = false;
            nested.walk(inner, level + 1);
            String subject = HeaderText.decode(header(inner, "Subject"));
            String from = HeaderText.decode(header(inner, "From"));
            Instant date = date(inner);
            String innerId = messageId(header(inner, "Message-ID"));
            if (inReport && innerId != null) {
                reportedIds.add(innerId);
            }
            forwarded.add(new ParsedMessage.Forwarded(from.isBlank() ? null : from, subject, date));
            String innerText = nested.text.isEmpty()
                    ? nested.html.isEmpty() ? "" : HtmlText.toText(String.join("\n", nested.html))
                    : String.join("\n\n", nested.text);
            // A report's returned original is history, folded like a quote; a forwarded message is content.
            var block = new StringBuilder(
                    inReport
                            ? "---------- Original message ----------\n"
                            : "---------- Forwarded message ----------\n");
            if (!from.isBlank()) {
                block.append("From: ").append(from).append('\n');
            }
            String dateHeader = header(inner, "Date");
            if (dateHeader != null) {
                block.append("Date: ").append(HeaderText.decode(dateHeader)).append('\n');
            }
            block.append("Subject: ").append(subject).append("\n\n").append(innerText.strip());
            text.add(block.toString());
            attach(part, "message/rfc822", subject.isBlank() ? "forwarded-message.eml" : subject + ".eml");
        }

        /** The headers of an original message a delivery report returns: its Message-ID threads the report. */
        private void reportedHeaders(Part part) throws MessagingException, IOException {
            var headers = new InternetHeaders(part.getInputStream());
            String id = messageId(headers.getHeader("Message-ID", null));
            if (id != null) {
                reportedIds.add(id);
            }
        }

        private void attach(Part part, String type) {
            attach(part, type, null);
        }

        private void attach(Part part, String type, @Nullable String fallbackName) {
            String name = filename(part, type, fallbackName);
            String contentId = messageId(header(part, "Content-ID"));
            // Inline means shown in place in the HTML; only an image the HTML refers to is (see inlineImages).
            // One sent "inline" that nothing refers to is listed like any attachment, or it would never appear.
            boolean inline = false;
            var id = UUID.randomUUID();
            if (attachments.size() >= limits.maxAttachments()) {
                attachments.add(new ParsedMessage.Attachment(
                        id,
                        name,
                        type,
                        size(part),
                        contentId,
                        inline,
                        null,
                        "Only the first " + limits.maxAttachments() + " attachments of a message are kept"));
                return;
            }
            try (InputStream in = decoded(part)) {
                var out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int n;
                while ((n = in.read(buffer)) != -1) {
                    total += n;
                    if (total <= limits.maxAttachmentSize()) {
                        out.write(buffer, 0, n);
                    }
                }
                boolean kept = total <= limits.maxAttachmentSize();
                attachments.add(new ParsedMessage.Attachment(
                        id,
                        name,
                        type,
                        total,
                        contentId,
                        inline,
                        kept ? out.toByteArray() : null,
                        kept
                                ? null
                                : "Larger than the " + (limits.maxAttachmentSize() / (1024 * 1024))
                                        + " MB kept per attachment"));
            } catch (MessagingException | IOException | RuntimeException e) {
                warnings.add("The attachment " + name + " could not be read (" + describe(e) + ")");
                attachments.add(new ParsedMessage.Attachment(
                        id, name, type, 0, contentId, inline, null, "It could not be read: " + describe(e)));
            }
        }

        /** The text of a part in the right charset; a part whose transfer encoding is broken is shown as sent. */
        private String textOf(Part part) throws MessagingException, IOException {
            byte[] bytes;
            try (InputStream in = decoded(part)) {
                bytes = in.readAllBytes();
            }
            String text = Charsets.decode(bytes, charset(part));
            return text.replace("\r\n", "\n").replace('\r', '\n');
        }

        private InputStream decoded(Part part) throws MessagingException, IOException {
            if (part instanceof jakarta.mail.internet.MimePart mime && "base64".equalsIgnoreCase(encoding(mime))) {
                byte[] raw;
                try (InputStream in = raw(part)) {
                    raw = in.readAllBytes();
                }
                var body = Base64Body.decode(raw);
                if (!body.any()) {
                    warnings.add("A part said to be base64 is not; it is shown as sent");
                    return new ByteArrayInputStream(raw);
                }
                if (body.ignored() > 0) {
                    warnings.add(
                            "A part ended in " + body.ignored() + " characters that are not base64 (perhaps a footer"
                                    + " added on the way); they were left out, and the original message has them");
                }
                return new ByteArrayInputStream(body.bytes());
            }
            try {
                return part.getInputStream();
            } catch (MessagingException | IOException | RuntimeException e) {
                return raw(part);
            }
        }

        private static InputStream raw(Part part) throws MessagingException, IOException {
            if (part instanceof MimeBodyPart body) {
                return body.getRawInputStream();
            }
            if (part instanceof MimeMessage message) {
                return message.getRawInputStream();
            }
            return part.getInputStream();
        }

        private static @Nullable String encoding(jakarta.mail.internet.MimePart part) {
            try {
                return part.getEncoding();
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        private static long size(Part part) {
            try {
                return Math.max(0, part.getSize());
            } catch (MessagingException e) {
                return 0;
            }
        }
    }

    private static boolean isReportPart(String type) {
        return type.equals("message/delivery-status")
                || type.equals("message/global-delivery-status")
                || type.equals("message/feedback-report")
                || type.equals("message/disposition-notification")
                || type.equals("message/global-disposition-notification");
    }

    /**
     * Whether a part is a file rather than the text: a body type named by a file name is a file
     * (an attached notes.txt), unless it is the first text of the message and nothing says
     * {@code attachment}: mail programs name a message's only text part too.
     */
    private static boolean isAttachment(Part part, String type, boolean firstBody) {
        String disposition;
        String filename;
        try {
            disposition = part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            disposition = null;
        }
        try {
            filename = part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            filename = null;
        }
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            return true;
        }
        boolean body = type.equals("text/plain")
                || type.equals("text/html")
                || type.equals("text/enriched")
                || isReportPart(type);
        return !body
                || (filename != null
                        && !Part.INLINE.equalsIgnoreCase(disposition)
                        && !(firstBody && disposition == null));
    }

    private static String baseType(Part part) {
        String raw;
        try {
            raw = part.getContentType();
        } catch (MessagingException | RuntimeException e) {
            return "text/plain";
        }
        if (raw == null || raw.isBlank()) {
            return "text/plain";
        }
        try {
            return new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            String base = raw.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            return base.matches("[a-z0-9.+-]+/[a-z0-9.+-]+") ? base : "text/plain";
        }
    }

    private static @Nullable String charset(Part part) {
        try {
            String raw = part.getContentType();
            if (raw == null) {
                return null;
            }
            try {
                return new ContentType(raw).getParameter("charset");
            } catch (MessagingException | RuntimeException e) {
                Matcher m =
                        Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)").matcher(raw);
                return m.find() ? m.group(1) : null;
            }
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String filename(Part part, String type, @Nullable String fallback) {
        String name = null;
        try {
            name = part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            // fall through to the content type's name, then a made-up one
        }
        if (name == null) {
            try {
                String raw = part.getContentType();
                if (raw != null) {
                    name = new ContentType(raw).getParameter("name");
                }
            } catch (MessagingException | RuntimeException e) {
                // no name
            }
        }
        if (name == null) {
            name = locationName(header(part, "Content-Location"));
        }
        name = name == null ? fallback : HeaderText.decode(name);
        if (name == null || name.isBlank()) {
            name = "attachment" + extension(type);
        }
        name = name.replaceAll("[\\\\/\\p{Cc}]", "_").strip();
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    /**
     * The name a Content-Location gives a part (Apple Mail and MHTML name parts only so): its last
     * path segment, without query or fragment; null when it names no file.
     */
    static @Nullable String locationName(@Nullable String location) {
        if (location == null) {
            return null;
        }
        String value = location.replaceAll("\\s+", "").replaceAll("^[\"<]+|[\">]+$", "");
        int end = value.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = value.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        value = value.substring(0, end);
        String segment = value.substring(Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\')) + 1);
        if (segment.isEmpty() || segment.contains(":")) {
            return null;
        }
        try {
            return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static String extension(String type) {
        return switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg", "image/jpg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            case "text/calendar" -> ".ics";
            case "message/rfc822" -> ".eml";
            case "application/ms-tnef", "application/vnd.ms-tnef" -> ".dat";
            default -> ".bin";
        };
    }

    private static ParsedMessage.Headers headers(MimeMessage message) throws MessagingException {
        var values = new LinkedHashMap<String, List<String>>();
        var all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            var header = all.nextElement();
            values.computeIfAbsent(header.getName().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(HeaderText.decode(header.getValue()));
        }
        String contentType = null;
        try {
            contentType = message.getContentType();
        } catch (MessagingException | RuntimeException e) {
            // leave it unknown
        }
        return new ParsedMessage.Headers(Collections.unmodifiableMap(values), contentType);
    }

    static @Nullable String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable String messageId(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = ANGLE_ID.matcher(value);
        String id = m.find() ? m.group(1) : value.strip().split("\\s+")[0];
        return id.isEmpty() ? null : id.length() > 900 ? id.substring(0, 900) : id;
    }

    private static @Nullable String firstId(@Nullable String value) {
        var ids = ids(value);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private static List<String> ids(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        var ids = new ArrayList<String>();
        Matcher m = ANGLE_ID.matcher(value);
        while (m.find() && ids.size() < 100) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            for (String token : value.strip().split("[\\s,]+")) {
                if (token.contains("@") && ids.size() < 100) {
                    ids.add(token);
                }
            }
        }
        return ids;
    }

    /** The addresses of an address header (From, To, Cc …), leniently; none when there is none usable. */
    public static List<ParsedMessage.Mailbox> addresses(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        var found = new ArrayList<ParsedMessage.Mailbox>();
        // Raw 8-bit bytes (RFC 6532 UTF-8 addresses, read by Jakarta Mail one byte a char) as the text they are.
        if (value.chars().anyMatch(c -> c > 0x7f) && value.chars().allMatch(c -> c <= 0xff)) {
            value = Charsets.decode(value.getBytes(StandardCharsets.ISO_8859_1), null);
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value.replaceAll("\r?\n", " "), false)) {
                String email = address.getAddress();
                if (email != null && USABLE_ADDRESS.matcher(email.strip()).matches()) {
                    String name = address.getPersonal() == null ? null : HeaderText.decode(address.getPersonal());
                    found.add(new ParsedMessage.Mailbox(
                            normalAddress(email.strip()), name == null || name.isBlank() ? null : name));
                }
            }
        } catch (MessagingException | RuntimeException e) {
            found.clear();
        }
        if (found.isEmpty()) {
            Matcher m = LOOSE_ADDRESS.matcher(HeaderText.decode(value));
            while (m.find()) {
                found.add(new ParsedMessage.Mailbox(normalAddress(m.group()), null));
            }
        }
        return found;
    }

    /**
     * An address as Casekeeper keeps it: the domain lower-cased (domains are case-insensitive), the
     * local part as its owner wrote it, since only their server may say that {@code Maria} and
     * {@code maria} are one mailbox. Comparisons between addresses ignore case; replies go to the
     * address as written.
     */
    public static String normalAddress(String address) {
        int at = address.lastIndexOf('@');
        return at < 0
                ? address
                : address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static ParsedMessage.@Nullable Mailbox first(List<ParsedMessage.Mailbox> addresses) {
        return addresses.isEmpty() ? null : addresses.getFirst();
    }

    private static @Nullable Instant date(Message message) {
        try {
            var date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** A message with only carriage returns as line ends (old Mac software) gets CRLF, which MIME parsing needs. */
    private static byte[] normalizeLoneCarriageReturns(byte[] raw) {
        for (byte b : raw) {
            if (b == '\n') {
                return raw;
            }
        }
        var out = new ByteArrayOutputStream(raw.length + raw.length / 40);
        for (byte b : raw) {
            out.write(b);
            if (b == '\r') {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName()
                + (message == null ? "" : ": " + (message.length() > 200 ? message.substring(0, 200) : message));
    }
}
