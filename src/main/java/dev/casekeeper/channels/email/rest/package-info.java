/** The email channel's JSON API: mailboxes (admins), attachments and original messages (agents who see the case). */
@NullMarked
package dev.casekeeper.channels.email.rest;

import org.jspecify.annotations.NullMarked;
