/** Demo workspace: with the {@code demo} profile, loads agents, customers and cases drawn from the seed stories. */
@NullMarked
package dev.casekeeper.demo;

import org.jspecify.annotations.NullMarked;
