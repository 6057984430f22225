package io.emolens.record;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Encodes frames to a video file on its own thread ("emolens-encoder"), so encoding never slows capture.
 * H.264 through OpenH264 when the bundled FFmpeg has it, MPEG-4 otherwise; MP4 files are written fragmented,
 * so a killed process leaves a file that plays up to its last fragment: it loses at most the frames still queued
 * ({@link #QUEUE_FRAMES}) and one fragment ({@link #FRAGMENT_MS}). A full queue either
 * blocks (offline analysis: nothing dropped) or drops the frame and counts it (live recording).
 */
public final class AnnotatedVideoWriter implements AutoCloseable {
    private static final Supplier<BufferedImage> POISON = () -> null;
    private final Path file;
    private final boolean dropWhenBusy;
    /** Frames waiting for the encoder at most; with one fragment per second, what a killed process may not have written. */
    public static final int QUEUE_FRAMES = 32;
    /** Longest stretch of video in one MP4 fragment (and one group of pictures), in ms. */
    public static final long FRAGMENT_MS = 1000;
    private final BlockingQueue<Timed> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread encoder;
    private final String codec;
    private boolean closed;

    private record Timed(Supplier<BufferedImage> image, long timeMs) {
    }

    /**
     * @param fps          nominal frame rate written into the file
     * @param dropWhenBusy true for live sources: drop (and count) frames rather than wait for the encoder
     */
    public AnnotatedVideoWriter(Path file, int width, int height, double fps, boolean dropWhenBusy) {
        this.file = file;
        this.dropWhenBusy = dropWhenBusy;
        FFmpegFrameRecorder recorder = open(file, width, height, fps);
        this.codec = recorder.getVideoCodecName() != null ? recorder.getVideoCodecName() : "mpeg4";
        this.encoder = new Thread(() -> encode(recorder), "emolens-encoder");
        encoder.setDaemon(true);
        encoder.start();
    }

    /** Queues a frame; {@code image} must not be modified afterwards. */
    public void write(BufferedImage image, long timeMs) {
        write(() -> image, timeMs);
    }

    /**
     * Queues a frame whose picture {@code image} makes on the encoder thread (e.g. drawing the overlay), so the
     * caller's thread spends nothing on it; a dropped frame is never drawn.
     */
    public void write(Supplier<BufferedImage> image, long timeMs) {
        Throwable f = failure.get();
        if (f != null) {
            throw new RecordingException("Video encoding to " + file + " failed: " + reason(f) + ". The video is kept up to that point.", f);
        }
        Timed t = new Timed(image, timeMs);
        if (dropWhenBusy) {
            if (!queue.offer(t)) {
                dropped.incrementAndGet();
            }
            return;
        }
        try {
            queue.put(t);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dropped.incrementAndGet();
        }
    }

    public long framesWritten() {
        return written.get();
    }

    public long framesDropped() {
        return dropped.get();
    }

    /** "h264 (openh264)" or "mpeg4". */
    public String codec() {
        return codec;
    }

    /** Encodes what is queued and finalizes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(new Timed(POISON, 0));
            encoder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Throwable f = failure.get();
        if (f != null) {
            throw new RecordingException("Video encoding to " + file + " failed: " + reason(f) + ". The video is kept up to that point.", f);
        }
    }

    private void encode(FFmpegFrameRecorder recorder) {
        try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
            while (true) {
                Timed t = queue.take();
                if (t.image == POISON) {
                    break;
                }
                if (failure.get() != null) {
                    continue;
                }
                Frame frame = converter.convert(t.image.get());
                long ts = t.timeMs * 1000L;
                if (ts > recorder.getTimestamp()) {
                    recorder.setTimestamp(ts);
                }
                recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
                written.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            failure.compareAndSet(null, e);
            queue.clear();
        } finally {
            try {
                recorder.close();
            } catch (FrameRecorder.Exception | RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private static FFmpegFrameRecorder open(Path file, int width, int height, double fps) {
        FrameRecorder.Exception last = null;
        for (String codecName : new String[] {"libopenh264", null}) {
            FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), even(width), even(height), 0);
            r.setFrameRate(fps > 0 ? fps : 25);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setVideoBitrate(Math.max(1_000_000, width * height * 4));
            r.setGopSize(Math.max(1, (int) Math.round(fps > 0 ? fps : 25)));
            if (file.toString().endsWith(".mp4")) {
                r.setFormat("mp4");
                r.setOption("movflags", "frag_keyframe+empty_moov+default_base_moof");
                // a fragment at least every second even when live frames come slower than the nominal rate
                r.setOption("frag_duration", Long.toString(FRAGMENT_MS * 1000));
                // hand each finished fragment to the OS at once instead of when FFmpeg's 256 KiB buffer fills
                r.setOption("flush_packets", "1");
            }
            if (codecName != null) {
                r.setVideoCodecName(codecName);
            } else {
                r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                r.setVideoQuality(3);
            }
            try {
                r.start();
                return r;
            } catch (FrameRecorder.Exception e) {
                last = e;
                try {
                    r.release();
                } catch (FrameRecorder.Exception ignored) {
                    // trying the next codec
                }
            }
        }
        throw new RecordingException("Cannot create video " + file + ": " + reason(last) + ".", last);
    }

    /** FFmpeg's message, with a full disk (errno 28, ENOSPC) said in words. */
    private static String reason(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return m.matches("(?s).*error -28\\b.*") || m.contains("No space left") ? "the disk is full" : m;
    }

    private static int even(int v) {
        return v + (v & 1);
    }
}
