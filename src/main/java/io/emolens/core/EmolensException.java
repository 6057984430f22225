package io.emolens.core;

/**
 * A failure caused by the user's input or environment (missing camera, bad file, mismatched model),
 * whose message is written for the user: what was wrong, where, and what to do.
 */
public class EmolensException extends RuntimeException {
    public EmolensException(String message) {
        super(message);
    }

    public EmolensException(String message, Throwable cause) {
        super(message, cause);
    }
}
