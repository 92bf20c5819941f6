/**
 * Channel adapters: each nested module receives contacts from one channel (email, chat, phone),
 * stores them before acknowledging them, and hands them to {@code cases}.
 */
@ApplicationModule(allowedDependencies = {"agents", "cases", "channels.chat", "channels.email"})
@NullMarked
package dev.casekeeper.channels;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
