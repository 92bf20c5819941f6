package dev.casekeeper.channels.email;

/** A file from a message: an attachment, or the original message itself. */
public record MailFile(String filename, String contentType, byte[] content) {}
