/** Pages for promises and follow-ups: the promises on the case page and the agent's "My follow-ups". */
@NullMarked
package dev.casekeeper.followups.web;

import org.jspecify.annotations.NullMarked;
