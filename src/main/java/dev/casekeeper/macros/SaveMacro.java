package dev.casekeeper.macros;

/** A canned response's name, text and what it changes on a case, to add or to replace the old ones. */
public record SaveMacro(String name, String body, MacroActions actions) {

    /** Text only: changes nothing on the case. */
    public SaveMacro(String name, String body) {
        this(name, body, MacroActions.NONE);
    }
}
