/**
 * New case and Log a call in the workspace: an agent picks or creates the customer, then logs a
 * phone call (a new case on the phone channel, or added to an existing case) or opens a plain case
 * on any channel; without any telephony integration. The page and {@code POST /api/v1/calls}.
 */
@NullMarked
package dev.casekeeper.workspace.newcase;

import org.jspecify.annotations.NullMarked;
