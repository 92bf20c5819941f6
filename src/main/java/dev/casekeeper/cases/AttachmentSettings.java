package dev.casekeeper.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Files agents attach to replies, notes and chat lines (docs/configuration.md).
 *
 * @param maxFiles files one message may carry
 * @param maxFileSize the largest file; keep it at or under {@code spring.servlet.multipart.max-file-size}
 */
@ConfigurationProperties("casekeeper.attachments")
public record AttachmentSettings(
        @DefaultValue("5") int maxFiles,
        @DefaultValue("10MB") DataSize maxFileSize) {

    /** The size limit in whole megabytes, as the composer says it. */
    public long maxFileMb() {
        return Math.max(1, maxFileSize.toMegabytes());
    }
}
