package dev.casekeeper.knowledge;

/** The help center's logo as it was uploaded: a picture whose type was read from its bytes. */
public record BrandLogo(String filename, String contentType, byte[] content) {}
