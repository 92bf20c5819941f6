package dev.casekeeper.imports;

/**
 * A record an import left out, in its report.
 *
 * @param id its place in the report (to page on)
 * @param file the file it was in
 * @param record which record: the source's id, or its position in the file
 * @param reason why it was left out
 */
public record ImportSkip(long id, String file, String record, String reason) {}
