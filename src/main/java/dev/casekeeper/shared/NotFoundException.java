package dev.casekeeper.shared;

/** An id that names nothing the caller may see. Answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}
