package dev.casekeeper.telephony;

/** A new integration with its secret, shown this once: Casekeeper keeps it sealed and never shows it again. */
public record IssuedIntegration(Integration integration, String secret) {}
