package io.emolens.ui;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

import io.emolens.core.VideoFrame;
import io.emolens.source.FrameSource;
import io.emolens.source.FrameSourceFactory;

/**
 * Plays a session's annotated video at its own pace on one named daemon thread ("emolens-playback"), which
 * owns the open video; frames are handed to the EDT. Seeking re-reads the file from the start up to the wanted
 * time (sessions are minutes long; decoding runs far faster than real time). Close it to release the file.
 */
final class PlaybackPanel extends JComponent implements AutoCloseable {
    private final FrameSourceFactory sources;
    private final Path video;
    private final LongConsumer onTime;
    private final Thread thread;
    private volatile boolean playing;
    private volatile long seekTo = 0;
    private volatile boolean closed;
    private volatile long shownFrames;
    private BufferedImage image;
    private String hint = "Loading the video…";

    /** @param onTime told on the EDT the session time of each frame shown */
    PlaybackPanel(FrameSourceFactory sources, Optional<Path> video, LongConsumer onTime) {
        this.sources = sources;
        this.video = video.orElse(null);
        this.onTime = onTime;
        setPreferredSize(new Dimension(640, 360));
        thread = new Thread(this::run, "emolens-playback");
        thread.setDaemon(true);
        if (this.video == null) {
            hint = "This session has no video (recorded without --video).";
        } else {
            thread.start();
        }
    }

    boolean isPlaying() {
        return playing;
    }

    void setPlaying(boolean play) {
        playing = play && video != null;
    }

    /** Shows the frame at {@code ms} (session time) and plays on from there if playing. */
    void seek(long ms) {
        seekTo = Math.max(0, ms);
    }

    long framesShown() {
        return shownFrames;
    }

    @Override
    public void close() {
        closed = true;
        playing = false;
        thread.interrupt();
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setColor(UIManager.getColor("Panel.background").darker());
            g.fillRect(0, 0, getWidth(), getHeight());
            if (image == null) {
                g.setColor(UIManager.getColor("Label.foreground"));
                g.drawString(hint, 16, getHeight() / 2);
                return;
            }
            double scale = Math.min((double) getWidth() / image.getWidth(), (double) getHeight() / image.getHeight());
            int w = (int) (image.getWidth() * scale);
            int h = (int) (image.getHeight() * scale);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, (getWidth() - w) / 2, (getHeight() - h) / 2, w, h, null);
        } finally {
            g.dispose();
        }
    }

    private void show(VideoFrame frame) {
        shownFrames++;
        SwingUtilities.invokeLater(() -> {
            image = frame.image();
            repaint();
            onTime.accept(frame.timeMs());
        });
    }

    private void run() {
        FrameSource source = null;
        long anchorNanos = 0;
        long anchorMs = 0;
        try {
            while (!closed) {
                long target = seekTo;
                if (target >= 0) {
                    seekTo = -1;
                    if (source != null) {
                        source.close();
                    }
                    source = sources.open(video);
                    Optional<VideoFrame> f = skipTo(source, target);
                    if (f.isPresent()) {
                        show(f.get());
                        anchorMs = f.get().timeMs();
                    }
                    anchorNanos = System.nanoTime();
                    continue;
                }
                if (!playing) {
                    Thread.sleep(20);
                    anchorNanos = -1;
                    continue;
                }
                Optional<VideoFrame> next = source.next();
                if (next.isEmpty()) {
                    playing = false;
                    seekTo = 0;
                    continue;
                }
                VideoFrame frame = next.get();
                if (anchorNanos < 0) {
                    anchorNanos = System.nanoTime();
                    anchorMs = frame.timeMs();
                }
                long waitMs = (frame.timeMs() - anchorMs) - (System.nanoTime() - anchorNanos) / 1_000_000L;
                if (waitMs > 0) {
                    Thread.sleep(Math.min(waitMs, 1000));
                }
                show(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            String message = Dialogs.describe(e);
            SwingUtilities.invokeLater(() -> {
                image = null;
                hint = "Cannot play " + video.getFileName() + ": " + message;
                repaint();
            });
        } finally {
            if (source != null) {
                source.close();
            }
        }
    }

    private static Optional<VideoFrame> skipTo(FrameSource source, long ms) {
        Optional<VideoFrame> last = Optional.empty();
        Optional<VideoFrame> next;
        while ((next = source.next()).isPresent()) {
            last = next;
            if (next.get().timeMs() >= ms) {
                break;
            }
        }
        return last;
    }
}
