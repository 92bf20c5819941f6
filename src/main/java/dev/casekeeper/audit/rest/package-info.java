/** The audit log's JSON API and CSV export, for admins. */
@NullMarked
package dev.casekeeper.audit.rest;

import org.jspecify.annotations.NullMarked;
