/**
 * Custom fields: what admins add to cases for their own process (text, long text, number,
 * decimal, date, dropdown, multi-select, checkbox), with help text, a team scope, an API key, and
 * whether a case needs a value before it is solved. Values are checked by type on every path and
 * stored with the case ({@code cases} finds cases by them).
 */
@ApplicationModule(allowedDependencies = {"agents", "cases", "shared"})
@NullMarked
package dev.casekeeper.fields;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
