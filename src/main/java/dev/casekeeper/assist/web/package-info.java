/** The assist pages: the supervisors' view of heated cases, with take over and assign. */
@NullMarked
package dev.casekeeper.assist.web;

import org.jspecify.annotations.NullMarked;
