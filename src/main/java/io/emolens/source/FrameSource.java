package io.emolens.source;

import java.util.Optional;

import io.emolens.core.VideoFrame;

/**
 * A stream of frames from a camera, video file, image or folder of images. Each call to {@link #next()}
 * returns a new frame that the caller owns (its pixels are a copy, safe to hand to another thread).
 * Not thread-safe: one thread reads a source. Closing releases the device or file.
 */
public interface FrameSource extends AutoCloseable {

    /** The next frame, or empty at the end of the input. Throws {@link io.emolens.core.EmolensException} when the device fails. */
    Optional<VideoFrame> next();

    /** What the user chose, for the status bar: "Camera 0", "clip.mp4", "photos/ (12 images)". */
    String description();

    /** Nominal frames per second for playback pacing, 0 when frames have no timing (images). */
    double frameRate();

    /** Number of frames when known in advance (files, folders; an estimate for some videos), else 0. */
    default long frameCount() {
        return 0;
    }

    /** Length of the input in milliseconds when its container says so (video files), else 0. */
    default long durationMs() {
        return 0;
    }

    /** True for cameras: frames arrive in real time and must not be paced. */
    boolean isLive();

    /** True for a local camera, which the live view may mirror like a video call; false for files and network streams. */
    default boolean isCamera() {
        return false;
    }

    /** The capture mode a camera runs in ("1280x720 MJPEG, 30 fps"), for the status bar; empty for other sources. */
    default Optional<String> mode() {
        return Optional.empty();
    }

    /** What the user should know about how the source was opened (a camera that refused the chosen mode), if anything. */
    default Optional<String> notice() {
        return Optional.empty();
    }

    /**
     * Gives back a frame of this source that nobody references any more (neither the caller nor anything it handed the
     * frame to): the source may reuse its image for a frame it reads later, on its reading thread, so the caller must
     * not touch the frame afterwards. Any thread may call it, also after close. Sources that do not reuse images ignore
     * it; not calling it is always safe.
     */
    default void recycle(VideoFrame frame) {
    }

    @Override
    void close();
}
