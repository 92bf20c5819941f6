package dev.casekeeper.assist;

/** What the customer is told when their case is solved: what happens, by when, and how they can check. */
public record NextSteps(String whatHappens, String byWhen, String howToCheck) {}
