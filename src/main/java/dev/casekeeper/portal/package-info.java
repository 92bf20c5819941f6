/**
 * The customer's side of the desk: sign-in without a password (an emailed code or link), "My
 * requests" with each case's public timeline and a reply box, "About me" (what she declares about
 * herself, her addresses, merges of her records), "My data" (export, erasure), and the hosted web
 * form. Its own session, separate from agents', so neither side opens the other's pages.
 */
@ApplicationModule(
        allowedDependencies = {
            "agents",
            "callbacks",
            "cases",
            "cases :: events",
            "channels",
            "customers",
            "customers :: events",
            "feedback",
            "followups",
            "shared",
            "sla",
            "telephony"
        })
@NullMarked
package dev.casekeeper.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
