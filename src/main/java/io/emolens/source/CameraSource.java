package io.emolens.source;

import java.awt.image.BufferedImage;
import java.util.Optional;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameGrabber;

import io.emolens.core.EmolensException;
import io.emolens.core.VideoFrame;

/**
 * A webcam: at the driver's default mode through OpenCV's capture, or at a chosen {@link CameraMode} through FFmpeg's
 * V4L2 input (format, size and rate asked for). Owns and releases the device.
 */
final class CameraSource implements FrameSource {
    private static final int MAX_EMPTY_GRABS = 30;
    private final String name;
    private final FrameGrabber grabber;
    private final String mode;
    private final long startNanos;
    private long frameIndex;
    private boolean closed;

    private CameraSource(String name, FrameGrabber started, String mode) {
        this.name = name;
        this.grabber = started;
        this.mode = mode;
        this.startNanos = System.nanoTime();
    }

    /** Camera {@code index} at its driver's default mode. */
    static CameraSource atDefault(int index, String name) {
        OpenCVFrameGrabber g = new OpenCVFrameGrabber(index);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(g);
            throw new EmolensException(name + " could not be opened (" + VideoFileSource.reason(e)
                    + "). It may be in use by another program or unplugged.", e);
        }
        return new CameraSource(name, g, g.getImageWidth() > 0 ? g.getImageWidth() + "x" + g.getImageHeight() + " (default)" : "default mode");
    }

    /** {@code camera} in {@code mode}; fails with the device's reason when it refuses the mode. */
    static CameraSource inMode(CameraDevice camera, CameraMode mode) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber("/dev/" + camera.node());
        g.setFormat("video4linux2");
        g.setOption("input_format", mode.format());
        g.setOption("video_size", mode.width() + "x" + mode.height());
        g.setOption("framerate", Double.toString(mode.fps()));
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(g);
            throw new EmolensException(camera.label() + " refused " + mode.label() + " (" + VideoFileSource.reason(e) + ")", e);
        }
        if (g.getImageWidth() != mode.width() || g.getImageHeight() != mode.height()) {
            int w = g.getImageWidth();
            int h = g.getImageHeight();
            release(g);
            throw new EmolensException(camera.label() + " delivers " + w + "x" + h + " when asked for " + mode.label());
        }
        return new CameraSource(camera.label(), g, mode.label());
    }

    @Override
    public Optional<VideoFrame> next() {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        try {
            for (int attempt = 0; attempt < MAX_EMPTY_GRABS; attempt++) {
                Frame frame = grabber.grab();
                BufferedImage image = Frames.copyBgr(frame);
                if (image != null) {
                    long timeMs = (System.nanoTime() - startNanos) / 1_000_000;
                    return Optional.of(new VideoFrame(frameIndex++, timeMs, description(), image));
                }
            }
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new EmolensException(name + " stopped delivering frames (" + VideoFileSource.reason(e)
                    + "). Was it unplugged?", e);
        }
        throw new EmolensException(name + " stopped delivering frames. Was it unplugged or taken by another program?");
    }

    @Override
    public String description() {
        return name;
    }

    @Override
    public Optional<String> mode() {
        return Optional.of(mode);
    }

    @Override
    public double frameRate() {
        return 0;
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public boolean isCamera() {
        return true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release(grabber);
        }
    }

    private static void release(FrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // nothing more can be done for a device that failed to close
        }
    }
}
