/** The admin pages of mailboxes: list, add, change, deactivate. Passwords are write-only here too. */
@NullMarked
package dev.casekeeper.channels.email.web;

import org.jspecify.annotations.NullMarked;
