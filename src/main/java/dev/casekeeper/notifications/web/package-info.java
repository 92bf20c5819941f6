/** Pages for notifications: the bell in the top bar and the agent's notification list. */
@NullMarked
package dev.casekeeper.notifications.web;

import org.jspecify.annotations.NullMarked;
