package dev.casekeeper.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;

/**
 * The one check every file people attach goes through (a customer's in the portal, an agent's on a
 * reply, note or chat line): a count and a size limit, and a kind sniffed from the bytes with
 * Apache Tika, never the declared type or the extension. Only a few kinds people send to a help
 * desk pass: pictures, PDF, plain text and CSV, office documents; never HTML, SVG, scripts or
 * programs, which a browser or a mail client might run.
 */
public final class FileCheck {

    /** Pictures a browser shows without running anything; everything else is served as a download. */
    public static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** What may be attached, by sniffed type. */
    public static final Set<String> ALLOWED = Set.of(
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "application/pdf",
            "text/plain",
            "text/csv",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/msword",
            "application/vnd.ms-excel");

    static final int MAX_NAME = 200;

    private static final Tika TIKA = new Tika();

    private FileCheck() {}

    /** A file as it came from the browser or an API client: its name (a hint only) and bytes. */
    public record Upload(String filename, byte[] content) {}

    /** A checked file, with the type its bytes are, ready to store. */
    public record Checked(UUID id, String filename, String contentType, byte[] content) {

        public long size() {
            return content.length;
        }
    }

    /**
     * Checks the files before anything is written; the first one refused refuses them all. Parts
     * with neither a name nor bytes (an empty file input) are left out.
     *
     * @throws FileRefused naming the file and the rule it broke
     */
    public static List<Checked> check(List<Upload> uploads, int maxFiles, long maxFileBytes) {
        var files = uploads.stream()
                .filter(u -> !(u.content().length == 0 && u.filename().isBlank()))
                .toList();
        if (files.size() > maxFiles) {
            throw new FileRefused(FileRefused.Reason.TOO_MANY, "", maxFiles, maxFileBytes);
        }
        var checked = new ArrayList<Checked>();
        for (var upload : files) {
            String name = filename(upload.filename());
            if (upload.content().length == 0) {
                throw new FileRefused(FileRefused.Reason.EMPTY, name, maxFiles, maxFileBytes);
            }
            if (upload.content().length > maxFileBytes) {
                throw new FileRefused(FileRefused.Reason.TOO_LARGE, name, maxFiles, maxFileBytes);
            }
            String type = sniff(upload.content(), name);
            if (!ALLOWED.contains(type)) {
                throw new FileRefused(FileRefused.Reason.TYPE, name, maxFiles, maxFileBytes);
            }
            checked.add(new Checked(UUID.randomUUID(), name, type, upload.content()));
        }
        return checked;
    }

    /** The files of a multipart form's {@code files} parts, as the check reads them; none without any. */
    public static List<Upload> uploads(
            @org.jspecify.annotations.Nullable List<org.springframework.web.multipart.MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        var uploads = new ArrayList<Upload>();
        for (var part : parts) {
            try {
                String name = part.getOriginalFilename();
                uploads.add(new Upload(name == null ? "" : name, part.getBytes()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return uploads;
    }

    /** The type the bytes are, by their magic numbers (the name only narrows what the bytes allow). */
    public static String sniff(byte[] content, String filename) {
        return TIKA.detect(content, filename).toLowerCase(Locale.ROOT);
    }

    /** The name without any path, control characters or surrounding space, at most {@value #MAX_NAME} characters. */
    public static String filename(String declared) {
        String name = declared.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "")
                .strip();
        if (name.length() > MAX_NAME) {
            name = name.substring(name.length() - MAX_NAME);
        }
        return name.isEmpty() ? "file" : name;
    }
}
