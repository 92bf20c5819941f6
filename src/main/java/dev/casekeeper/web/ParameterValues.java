package dev.casekeeper.web;

import org.springframework.beans.TypeMismatchException;

/** What is wrong with a query, path or form parameter that could not be read, in words for a person. */
final class ParameterValues {

    private ParameterValues() {}

    static String whatIsWrong(TypeMismatchException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormText.UnstorableTextException
                    || cause instanceof AcceptedDateConverter.OutOfRangeException) {
                return cause.getMessage();
            }
        }
        return "is malformed: '" + e.getValue() + "' is not valid here";
    }
}
