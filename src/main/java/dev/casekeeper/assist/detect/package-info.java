/**
 * The detectors behind assist: tokenizer, word lists, frustration scoring and tone check. Plain
 * Java without Spring or a database, deterministic, and fast enough to run on every message.
 */
@NullMarked
package dev.casekeeper.assist.detect;

import org.jspecify.annotations.NullMarked;
