package io.emolens.source;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import io.emolens.core.EmolensException;
import io.emolens.core.VideoFrame;

/**
 * Frames of a video file decoded by FFmpeg, all of them or those of a time range (seeking to a second before its start
 * and skipping to it, so an inexact seek loses no frame); owns its grabber. Reuses the images of recycled frames.
 */
final class VideoFileSource implements FrameSource {
    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final Path path;
    private final FFmpegFrameGrabber grabber;
    private final String name;
    /** How far before a range's start the grabber seeks (to a key frame), then decodes forward. */
    private static final long SEEK_MARGIN_MS = 1000;
    private final ImagePool images = new ImagePool();
    private final long fromMs;
    private final long toMs;
    private long index;
    private boolean indexed;
    private long seekedTo;
    private boolean closed;

    VideoFileSource(Path path) {
        this(path, 0, 0);
    }

    /** The frames whose times are in [{@code fromMs}, {@code toMs}); {@code toMs} 0: to the end. */
    VideoFileSource(Path path, long fromMs, long toMs) {
        this.fromMs = fromMs;
        this.toMs = toMs;
        this.indexed = fromMs == 0;
        if (!Files.isRegularFile(path)) {
            throw new EmolensException("Video file not found: " + path);
        }
        this.path = path;
        this.name = path.getFileName().toString();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(path.toFile());
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);
            throw new EmolensException("Cannot read " + path + " as a video: " + reason(e)
                    + ". Choose a video file (mp4, avi, mkv, mov, webm) or an image.", e);
        }
        if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            closeQuietly(g);
            throw new EmolensException(path + " has no video stream. Choose a video file or an image.");
        }
        this.grabber = g;
        if (fromMs > 0) {
            seek(Math.max(0, fromMs - SEEK_MARGIN_MS));
        }
    }

    private void seek(long ms) {
        try {
            grabber.setTimestamp(ms * 1000);
            seekedTo = ms;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            close();
            throw new EmolensException("Cannot seek to " + ms + " ms in " + path + ": " + reason(e), e);
        }
    }

    @Override
    public Optional<VideoFrame> next() {
        if (closed) {
            throw new IllegalStateException("source " + name + " is closed");
        }
        try {
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                long timeMs = Math.max(0, frame.timestamp / 1000);
                if (seekedTo > 0 && timeMs > fromMs) {
                    seekedTo = 0;
                    seek(0);
                    continue;
                }
                seekedTo = 0;
                if (timeMs < fromMs) {
                    continue;
                }
                if (toMs > 0 && timeMs >= toMs) {
                    return Optional.empty();
                }
                BufferedImage image = Frames.copyBgr(frame, images);
                if (image != null) {
                    if (!indexed) {
                        index = Math.round(frame.timestamp * frameRate() / 1e6);
                        indexed = true;
                    }
                    return Optional.of(new VideoFrame(index++, timeMs, name, image));
                }
            }
            return Optional.empty();
        } catch (FrameGrabber.Exception e) {
            throw new EmolensException("Error decoding " + path + " at frame " + index + ": " + reason(e), e);
        }
    }

    @Override
    public void recycle(VideoFrame frame) {
        if (frame.source().equals(name)) {
            images.give(frame.image());
        }
    }

    @Override
    public String description() {
        return name;
    }

    @Override
    public double frameRate() {
        double fps = grabber.getVideoFrameRate();
        return fps > 0 && fps < 1000 ? fps : 25;
    }

    @Override
    public long durationMs() {
        return Math.max(0, grabber.getLengthInTime() / 1000);
    }

    @Override
    public long frameCount() {
        return Math.max(0, grabber.getLengthInVideoFrames());
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(grabber);
        }
    }

    static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m.replace(" (Has setFormat() been called?)", "").replace(" (For more details, make sure FFmpegLogCallback.set() has been called.)", "")
                .strip();
    }

    static void closeQuietly(FrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // releasing after a failure: the original error is what the user needs to see
        }
    }
}
