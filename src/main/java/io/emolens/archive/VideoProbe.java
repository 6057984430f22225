package io.emolens.archive;

import java.io.Serializable;

/**
 * What opening a video's container told: its length and frame rate, or why it cannot be read.
 *
 * @param source     the video, as a fully qualified URI
 * @param durationMs its length (0: unknown)
 * @param fps        its nominal frame rate
 * @param error      the one-line reason it cannot be read, or null
 */
public record VideoProbe(String source, long durationMs, double fps, String error) implements Serializable {

    public static VideoProbe failed(String source, String error) {
        return new VideoProbe(source, 0, 0, error);
    }

    public boolean ok() {
        return error == null;
    }
}
