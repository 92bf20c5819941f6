package dev.casekeeper.agents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The cost of an agent's password hash ({@code casekeeper.agents.password-hashing.*}): Argon2id with
 * this much memory and this many passes, Spring Security's recommended 16 MB and 2 by default. A hash
 * carries the cost it was made with, so a change applies to passwords set from then on and every stored
 * hash still verifies. The tests lower it: they make and sign in some three thousand agents a run, at
 * 90 ms a hash on a 2-core machine, and their passwords guard nothing.
 *
 * @param memory the memory each hash fills (Argon2's m), in whole kilobytes
 * @param iterations the passes over that memory (Argon2's t)
 */
@ConfigurationProperties("casekeeper.agents.password-hashing")
record PasswordHashingSettings(
        @DefaultValue("16MB") DataSize memory,
        @DefaultValue("2") int iterations) {}
