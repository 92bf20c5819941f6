/** Admin pages for agents, teams and API tokens, and each agent's own account page. */
@NullMarked
package dev.casekeeper.agents.web;

import org.jspecify.annotations.NullMarked;
