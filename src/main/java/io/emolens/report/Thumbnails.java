package io.emolens.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import io.emolens.core.VideoFrame;
import io.emolens.source.FrameSource;
import io.emolens.source.FrameSourceFactory;

/**
 * Frames of a session's video at given session times, scaled down and encoded as JPEG data URIs for the
 * report. The video is read once, front to back, and left as soon as the last moment is passed.
 */
final class Thumbnails {
    static final int WIDTH = 340;
    /** A moment this soon after the video's last frame (the encoder's last timestamp) still gets that frame. */
    private static final long LAST_FRAME_REACH_MS = 1000;

    private Thumbnails() {
    }

    /** The data URI of the frame at (or first after) each time, by moment; moments past the video's end get none. */
    static Map<SessionFigures.Moment, String> of(FrameSourceFactory sources, Path video, List<SessionFigures.Moment> moments) {
        List<SessionFigures.Moment> pending = new ArrayList<>(moments);
        pending.sort(Comparator.comparingLong(m -> m.face().sessionMs()));
        Map<SessionFigures.Moment, String> out = new LinkedHashMap<>();
        VideoFrame last = null;
        try (FrameSource source = sources.open(video)) {
            Optional<VideoFrame> next;
            while (!pending.isEmpty() && (next = source.next()).isPresent()) {
                last = next.get();
                take(pending, last, last.timeMs(), out);
            }
        }
        if (last != null) {
            take(pending, last, last.timeMs() + LAST_FRAME_REACH_MS, out);
        }
        return out;
    }

    /** Gives {@code frame} to every pending moment up to {@code untilMs}. */
    private static void take(List<SessionFigures.Moment> pending, VideoFrame frame, long untilMs, Map<SessionFigures.Moment, String> out) {
        String uri = null;
        while (!pending.isEmpty() && pending.get(0).face().sessionMs() <= untilMs) {
            uri = uri != null ? uri : dataUri(scaled(frame.image()));
            out.put(pending.remove(0), uri);
        }
    }

    private static BufferedImage scaled(BufferedImage image) {
        int h = Math.max(1, image.getHeight() * WIDTH / image.getWidth());
        BufferedImage small = new BufferedImage(WIDTH, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, WIDTH, h, null);
        g.dispose();
        return small;
    }

    private static String dataUri(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
