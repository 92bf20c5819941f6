/** The counter's pages: the kiosk and the display board (public), the agents' desk, and the admins' locations page. */
@NullMarked
package dev.casekeeper.counter.web;

import org.jspecify.annotations.NullMarked;
