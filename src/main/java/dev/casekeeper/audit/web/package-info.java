/** The admins' audit page and its CSV download. */
@NullMarked
package dev.casekeeper.audit.web;

import org.jspecify.annotations.NullMarked;
