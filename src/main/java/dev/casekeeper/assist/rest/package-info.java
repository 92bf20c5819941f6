/** The assist JSON API. */
@NullMarked
package dev.casekeeper.assist.rest;

import org.jspecify.annotations.NullMarked;
