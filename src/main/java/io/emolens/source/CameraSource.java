package io.emolens.source;

import java.awt.image.BufferedImage;
import java.util.Optional;

import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameGrabber;

import io.emolens.core.EmolensException;
import io.emolens.core.VideoFrame;

/** A webcam through OpenCV's capture; owns and releases the device. */
final class CameraSource implements FrameSource {
    private static final int MAX_EMPTY_GRABS = 30;
    private final int index;
    private final OpenCVFrameGrabber grabber;
    private final long startNanos;
    private long frameIndex;
    private boolean closed;

    CameraSource(int index) {
        this.index = index;
        OpenCVFrameGrabber g = new OpenCVFrameGrabber(index);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(g);
            throw new EmolensException("Camera " + index + " could not be opened (" + VideoFileSource.reason(e)
                    + "). It may be in use by another program or unplugged.", e);
        }
        this.grabber = g;
        this.startNanos = System.nanoTime();
    }

    @Override
    public Optional<VideoFrame> next() {
        if (closed) {
            throw new IllegalStateException("camera " + index + " is closed");
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
            throw new EmolensException("Camera " + index + " stopped delivering frames (" + VideoFileSource.reason(e)
                    + "). Was it unplugged?", e);
        }
        throw new EmolensException("Camera " + index + " stopped delivering frames. Was it unplugged or taken by another program?");
    }

    @Override
    public String description() {
        return "Camera " + index;
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
