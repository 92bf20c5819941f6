/** Agents, their roles and teams, sign-in credentials and API tokens. */
@NullMarked
package dev.casekeeper.agents;

import org.jspecify.annotations.NullMarked;
