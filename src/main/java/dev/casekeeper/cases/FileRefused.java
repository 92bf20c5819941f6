package dev.casekeeper.cases;

import dev.casekeeper.shared.InvalidInputException;

/**
 * Files refused before anything was stored: too many, one too large, empty, or of a kind that may
 * not be attached. The API answers 400 with the reason under {@code files}; pages show the
 * bundle's {@code attachments.refused.<reason>} line.
 */
public final class FileRefused extends InvalidInputException {

    /** The rule a file broke; {@link #key()} names its message-bundle line. */
    public enum Reason {
        TOO_MANY("tooMany"),
        TOO_LARGE("tooLarge"),
        EMPTY("empty"),
        TYPE("type");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final Reason reason;
    private final String filename;
    private final int maxFiles;
    private final long maxFileBytes;

    FileRefused(Reason reason, String filename, int maxFiles, long maxFileBytes) {
        super("files", text(reason, filename, maxFiles, maxFileBytes));
        this.reason = reason;
        this.filename = filename;
        this.maxFiles = maxFiles;
        this.maxFileBytes = maxFileBytes;
    }

    public Reason reason() {
        return reason;
    }

    public String filename() {
        return filename;
    }

    public int maxFiles() {
        return maxFiles;
    }

    /** The size limit in whole megabytes, as people read it. */
    public long maxFileMb() {
        return Math.max(1, maxFileBytes / (1024 * 1024));
    }

    private static String text(Reason reason, String filename, int maxFiles, long maxFileBytes) {
        long mb = Math.max(1, maxFileBytes / (1024 * 1024));
        return switch (reason) {
            case TOO_MANY -> "at most " + maxFiles + " files";
            case TOO_LARGE -> filename + " is over " + mb + " MB";
            case EMPTY -> filename + " is empty";
            case TYPE -> filename + " is not a picture, PDF, text or office document";
        };
    }
}
