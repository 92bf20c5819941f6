/** The knowledge base's pages: the agents' article list and editor, the case page's panel, and the public help center. */
@NullMarked
package dev.casekeeper.knowledge.web;

import org.jspecify.annotations.NullMarked;
