package dev.casekeeper.agents;

/**
 * A second factor waiting for its first code: the secret in base32 (for typing into an app) and
 * the {@code otpauth://} URI a QR code carries. Shown during enrolment only.
 */
public record TwoFactorEnrolment(String secret, String uri) {}
