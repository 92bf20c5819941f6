package dev.casekeeper.channels.chat;

import dev.casekeeper.agents.TeamId;
import java.util.Locale;

/** A widget's socket after {@code hello}: the visitor (their token's digest), the mailbox and its team, their language. */
record Visitor(String digest, String mailbox, TeamId teamId, Locale locale) {}
