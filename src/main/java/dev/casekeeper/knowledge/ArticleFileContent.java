package dev.casekeeper.knowledge;

/** A file of an article with its bytes, to serve. */
public record ArticleFileContent(ArticleFile file, byte[] content) {}
