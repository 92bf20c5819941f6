/**
 * Turns raw messages into what a case shows: readable text with the quoted history folded away,
 * sanitizable HTML with inline images resolved, attachments, forwarded messages, and whether the
 * message is automatic mail. Pure functions over bytes; nothing here touches the database.
 */
@NullMarked
package dev.casekeeper.channels.email.parse;

import org.jspecify.annotations.NullMarked;
