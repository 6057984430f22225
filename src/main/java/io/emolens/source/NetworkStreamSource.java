package io.emolens.source;

import java.awt.image.BufferedImage;
import java.util.Optional;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import io.emolens.core.EmolensException;
import io.emolens.core.VideoFrame;

/**
 * A network camera read by FFmpeg: {@code http(s)://} MJPEG (phone-webcam apps, IP cameras) or {@code rtsp://}.
 * Connecting and every read give up after {@link StreamUrl#TIMEOUT_MS} ("timeout" and "rw_timeout"), so a stalled
 * or closed stream ends with an error naming the URL instead of blocking forever. Frames are stamped with wall
 * time since the stream opened, like a camera's. Owns its grabber.
 */
final class NetworkStreamSource implements FrameSource {
    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final StreamUrl url;
    private final FFmpegFrameGrabber grabber;
    private final long startNanos;
    private long index;
    private boolean closed;

    NetworkStreamSource(StreamUrl url) {
        this.url = url;
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url.url());
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        String micros = Long.toString(StreamUrl.TIMEOUT_MS * 1000L);
        g.setOption("rw_timeout", micros);
        g.setOption("timeout", micros);
        if (url.isRtsp()) {
            g.setOption("rtsp_flags", "prefer_tcp");
        } else {
            g.setOption("reconnect", "0");
        }
        g.setOption("fflags", "nobuffer");
        g.setOption("analyzeduration", "1000000");
        g.setOption("probesize", "1000000");
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            VideoFileSource.closeQuietly(g);
            throw new EmolensException("Cannot open the stream " + url + ": " + url.redact(VideoFileSource.reason(e))
                    + ". Check the address and that the camera or app is serving it.", e);
        }
        if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            VideoFileSource.closeQuietly(g);
            throw new EmolensException("The stream " + url + " has no video.");
        }
        this.grabber = g;
        this.startNanos = System.nanoTime();
    }

    @Override
    public Optional<VideoFrame> next() {
        if (closed) {
            throw new IllegalStateException("stream " + url + " is closed");
        }
        try {
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                BufferedImage image = Frames.copyBgr(frame);
                if (image != null) {
                    long timeMs = (System.nanoTime() - startNanos) / 1_000_000;
                    return Optional.of(new VideoFrame(index++, timeMs, description(), image));
                }
            }
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new EmolensException("Lost the stream " + url + " (" + url.redact(VideoFileSource.reason(e)) + ").", e);
        }
        throw new EmolensException("Lost the stream " + url + ": it closed or sent nothing for " + StreamUrl.TIMEOUT_MS / 1000 + " s.");
    }

    @Override
    public String description() {
        return url.toString();
    }

    @Override
    public double frameRate() {
        double fps = grabber.getVideoFrameRate();
        return fps > 0 && fps < 1000 ? fps : 0;
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            VideoFileSource.closeQuietly(grabber);
        }
    }
}
