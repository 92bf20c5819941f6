/** The admin pages for canned responses and the picker that inserts them into a reply. */
@NullMarked
package dev.casekeeper.macros.web;

import org.jspecify.annotations.NullMarked;
