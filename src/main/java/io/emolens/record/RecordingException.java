package io.emolens.record;

import java.io.IOException;
import java.nio.file.Path;

import io.emolens.core.EmolensException;

/** A recording could not be written (disk full, folder removed, encoder failure); what was written is kept. */
public final class RecordingException extends EmolensException {
    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The message for an I/O failure on {@code file}, naming a full disk as such. */
    public static RecordingException writing(Path file, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (reason.contains("No space left")) {
            reason = "the disk is full";
        }
        return new RecordingException("Cannot write " + file + ": " + reason + ". What was written so far is kept.", e);
    }
}
