package io.cobench.cli;

/**
 * A problem with what the user gave (a file, a value, a flag), reported as one clear line
 * without a stack trace. Messages name the file, line or value at fault.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
