package dev.casekeeper.web;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/** What is wrong with a value in a request body, in words for the field's entry of a 400 problem. */
final class BodyValues {

    private BodyValues() {}

    static String whatIsWrong(JacksonException e) {
        if (e instanceof InputCoercionException) {
            return "is a number too large or too small for this field";
        }
        if (e instanceof RequestJson.UnacceptableValueException unacceptable) {
            return unacceptable.reason();
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return expected(mismatch.getTargetType());
        }
        return "has a value of the wrong type";
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "must be a JSON string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == java.util.UUID.class) {
            return "must be an id such as 0b7e6f3a-8c1d-4f5e-9a2b-3c4d5e6f7a8b";
        }
        if (type == LocalDate.class) {
            return "must be a date such as 2026-05-01";
        }
        if (TemporalAccessor.class.isAssignableFrom(type)) {
            return "must be a date and time such as 2026-05-01T09:00:00Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a JSON array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be a JSON object";
        }
        return "has a value of the wrong type";
    }
}
