/**
 * The email channel: mailboxes, the inbound SMTP listener and IMAP polling, parsing of stored raw
 * messages, threading into cases, loop protection, and outbound mail through an outbox with retries.
 * A message is acknowledged (SMTP 250, IMAP seen) only after its raw bytes are stored.
 */
@ApplicationModule(
        displayName = "Email channel",
        allowedDependencies = {"agents", "cases", "cases :: events", "customers", "shared"})
@NullMarked
package dev.casekeeper.channels.email;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
