/** The knowledge base's JSON API under {@code /api/v1/knowledge}. */
@NullMarked
package dev.casekeeper.knowledge.rest;

import org.jspecify.annotations.NullMarked;
