/** The counter's JSON API under {@code /api/v1/counter}: locations and reasons, tickets, boards and desks. */
@NullMarked
package dev.casekeeper.counter.rest;

import org.jspecify.annotations.NullMarked;
