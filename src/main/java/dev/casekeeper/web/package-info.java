/** What every request passes through: sign-in, access rules, and errors as problem details. */
@NullMarked
package dev.casekeeper.web;

import org.jspecify.annotations.NullMarked;
