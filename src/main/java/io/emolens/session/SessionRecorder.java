package io.emolens.session;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorSettings;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.preprocess.FacePreprocessor;
import io.emolens.record.AnnotatedVideoWriter;
import io.emolens.record.CropSampler;
import io.emolens.record.CropsCsvWriter;
import io.emolens.record.FacesCsvWriter;
import io.emolens.record.LabelSegment;
import io.emolens.record.LabelTrack;
import io.emolens.record.LabelsCsv;
import io.emolens.record.RecordingException;
import io.emolens.render.Badge;
import io.emolens.render.FaceBlur;
import io.emolens.render.OverlayContent;
import io.emolens.render.OverlayOptions;
import io.emolens.render.OverlayRenderer;
import io.emolens.track.TrackedFace;

/**
 * Records one session into a folder, for the desktop app and {@code analyze} alike: {@code faces.csv}
 * ({@code analyze} schema plus {@code session_ms}), {@code labels.csv} (the user's label segments),
 * {@code crops.csv} (the largest face's 48x48 crop from the classifier's own preprocessor, subsampled),
 * {@code annotated.mp4} (optionally {@code raw.mp4}) and {@code session.json}.
 * <p>
 * Frames arrive on the pipeline thread and labels on the UI thread; the overlay is drawn and encoded on the
 * video writer's thread. Nothing is lost: a timer flushes the CSVs and refreshes labels.csv and session.json
 * every half second, the video is fragmented MP4; {@link #stop()} finalizes everything. A write failure (full
 * disk, folder removed, encoder error) stops the recording, keeps what was written, marks session.json
 * {@code failed} and is reported once to the failure listener.
 */
public final class SessionRecorder implements AutoCloseable {
    public static final String FACES_CSV = "faces.csv";
    public static final String LABELS_CSV = "labels.csv";
    public static final String CROPS_CSV = "crops.csv";
    public static final String SESSION_JSON = "session.json";
    public static final String ANNOTATED_VIDEO = "annotated.mp4";
    public static final String RAW_VIDEO = "raw.mp4";
    private static final long FLUSH_MS = 500;
    private static final OverlayOptions OVERLAY = OverlayOptions.ALL.withFps(false);

    private final Path folder;
    private final RecordingSettings settings;
    private final String source;
    private final String model;
    private final Consumer<String> onFailure;
    private final OverlayRenderer renderer = new OverlayRenderer();
    private final long startNanos = System.nanoTime();
    private final Instant startedAt = Instant.now();
    private final LabelTrack labels = new LabelTrack();
    private final FacesCsvWriter faces;
    private final CropSampler crops;
    private final ScheduledExecutorService flusher;
    private AnnotatedVideoWriter video;
    private AnnotatedVideoWriter raw;
    private final List<SettingsChange> changes = new ArrayList<>();
    private DetectorSettings detector;
    private String lastModel;
    private long frames;
    private long lastSessionMs;
    private volatile boolean stopped;
    private volatile Supplier<Set<Integer>> pinned = Set::of;
    private String failure;
    private SessionInfo finalInfo;

    private SessionRecorder(Path folder, RecordingSettings settings, String source, String model, FacePreprocessor cropper,
                            Consumer<String> onFailure) {
        this.folder = folder;
        this.settings = settings;
        this.source = source;
        this.model = model;
        this.lastModel = model;
        this.onFailure = onFailure;
        this.faces = new FacesCsvWriter(folder.resolve(FACES_CSV));
        CropSampler c = null;
        try {
            if (!settings.dataOnly()) {
                c = new CropSampler(new CropsCsvWriter(folder.resolve(CROPS_CSV)), cropper, settings.cropIntervalMs());
            }
            LabelsCsv.write(folder.resolve(LABELS_CSV), List.of());
            SessionJson.write(folder.resolve(SESSION_JSON), info(SessionInfo.RECORDING, null, 0));
        } catch (RuntimeException e) {
            faces.close();
            if (c != null) {
                c.close();
            }
            throw e;
        }
        this.crops = c;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "emolens-recorder-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushTick, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts recording into {@code folder} (created; it must not already hold a session).
     *
     * @param source    what is recorded, for session.json
     * @param model     the classifier's name, or null for detection only
     * @param cropper   the preprocessor the classifier uses, so exported crops match inference exactly
     * @param onFailure told once, on whichever thread noticed, when a write failure stopped the recording
     */
    public static SessionRecorder start(Path folder, RecordingSettings settings, String source, String model,
                                        FacePreprocessor cropper, Consumer<String> onFailure) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw RecordingException.writing(folder, e);
        }
        if (Files.exists(folder.resolve(SESSION_JSON))) {
            throw new EmolensException(folder + " already holds a recorded session (session.json). Choose an empty folder.");
        }
        return new SessionRecorder(folder, settings, source, model, cropper, onFailure);
    }

    public Path folder() {
        return folder;
    }

    /** How this session is recorded. */
    public RecordingSettings settings() {
        return settings;
    }

    /** Wall-clock milliseconds since the recording started: the session clock of live recordings. */
    public long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /**
     * Whether frames given to {@link #frame} are still referenced after it returns: the videos are drawn and encoded on
     * their writers' thread. Otherwise a frame's CSV rows and crop are written before {@link #frame} returns.
     */
    public boolean keepsFrames() {
        return settings.video() || settings.rawVideo();
    }

    /**
     * Records an analyzed frame at {@code sessionMs}. Returns false, doing nothing, once the recording stopped.
     *
     * @throws RecordingException when writing fails; the recording is then stopped and what was written kept
     */
    public boolean frame(AnalyzedFrame analyzed, long sessionMs) {
        if (stopped) {
            return false;
        }
        synchronized (this) {
            if (stopped) {
                return false;
            }
            try {
                faces.write(analyzed, sessionMs);
                noteSettings(analyzed, sessionMs);
                frames++;
                lastSessionMs = Math.max(lastSessionMs, sessionMs);
                if (crops != null) {
                    crops.offer(analyzed, sessionMs);
                }
                if (settings.video()) {
                    if (video == null) {
                        video = new AnnotatedVideoWriter(folder.resolve(ANNOTATED_VIDEO), analyzed.frame().width(),
                                analyzed.frame().height(), settings.videoFps(), settings.live());
                    }
                    List<Badge> badges = labels.current().map(Badge::userLabel).stream().toList();
                    OverlayContent content = new OverlayContent(OVERLAY, 0, pinned.get(), badges);
                    video.write(() -> renderer.render(settings.blurFaces() ? blurred(analyzed) : analyzed, content), sessionMs);
                }
                if (settings.rawVideo()) {
                    if (raw == null) {
                        raw = new AnnotatedVideoWriter(folder.resolve(RAW_VIDEO), analyzed.frame().width(),
                                analyzed.frame().height(), settings.videoFps(), settings.live());
                    }
                    raw.write(() -> settings.blurFaces() ? blurred(analyzed).frame().image() : analyzed.frame().image(), sessionMs);
                }
                return true;
            } catch (RecordingException e) {
                fail(e.getMessage());
                throw e;
            }
        }
    }

    private void noteSettings(AnalyzedFrame analyzed, long sessionMs) {
        if (detector == null) {
            detector = analyzed.detector();
        }
        DetectorSettings previous = changes.isEmpty() ? detector : changes.get(changes.size() - 1).detector();
        if (!Objects.equals(lastModel, analyzed.model()) || !Objects.equals(previous, analyzed.detector())) {
            changes.add(new SettingsChange(sessionMs, analyzed.frame().index(), analyzed.model(), analyzed.detector()));
            lastModel = analyzed.model();
        }
    }

    /** {@code analyzed} on a copy of its frame whose faces (held boxes too) are blurred. */
    private static AnalyzedFrame blurred(AnalyzedFrame analyzed) {
        VideoFrame f = analyzed.frame();
        BufferedImage image = FaceBlur.apply(f.image(), analyzed.faces().stream().map(TrackedFace::box).toList());
        return new AnalyzedFrame(new VideoFrame(f.index(), f.timeMs(), f.source(), image), analyzed.faces(), analyzed.detectMs(),
                analyzed.classifyMs(), analyzed.model(), analyzed.detector());
    }

    /** The track ids whose full probability panel the video shows, as pinned in the live view; read on every frame. */
    public void showPanelsOf(Supplier<Set<Integer>> pinnedFaces) {
        this.pinned = pinnedFaces;
    }

    /** Sets the user's label from {@code sessionMs} on ({@code null} clears); labels.csv is rewritten at once. */
    public synchronized void label(Emotion label, long sessionMs) {
        if (stopped) {
            return;
        }
        labels.set(label, sessionMs);
        try {
            LabelsCsv.write(folder.resolve(LABELS_CSV), labels.segments(sessionMs));
        } catch (RecordingException e) {
            fail(e.getMessage());
        }
    }

    public synchronized Optional<Emotion> currentLabel() {
        return labels.current();
    }

    public synchronized long frames() {
        return frames;
    }

    public synchronized long droppedFrames() {
        return video == null ? 0 : video.framesDropped();
    }

    public boolean isStopped() {
        return stopped;
    }

    /**
     * Stops and finalizes: closes the open label segment, drains and closes the videos, writes session.json
     * ({@code complete}, or {@code failed} when a write failed). Idempotent; returns the final session.json.
     */
    public SessionInfo stop() {
        synchronized (this) {
            if (finalInfo != null) {
                return finalInfo;
            }
            stopped = true;
        }
        flusher.shutdownNow();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            long endMs = endMs();
            labels.closeAt(endMs);
            List<LabelSegment> segments = labels.segments(endMs);
            closeWriters();
            if (failure == null) {
                try {
                    LabelsCsv.write(folder.resolve(LABELS_CSV), segments);
                } catch (RecordingException e) {
                    failure = e.getMessage();
                }
            }
            finalInfo = info(failure == null ? SessionInfo.COMPLETE : SessionInfo.FAILED, Instant.now().toString(), endMs);
            try {
                SessionJson.write(folder.resolve(SESSION_JSON), finalInfo);
            } catch (RecordingException e) {
                failure = failure == null ? e.getMessage() : failure;
            }
            return finalInfo;
        }
    }

    /**
     * Stops like {@link #stop()} and marks the session {@code failed} with {@code error} (the source was lost), keeping
     * everything recorded; a session that already failed keeps its first error.
     */
    public SessionInfo stopFailed(String error) {
        SessionInfo info = stop();
        synchronized (this) {
            if (SessionInfo.FAILED.equals(info.status())) {
                return info;
            }
            failure = error;
            finalInfo = info(SessionInfo.FAILED, info.endedAt(), info.durationMs());
            try {
                SessionJson.write(folder.resolve(SESSION_JSON), finalInfo);
            } catch (RecordingException ignored) {
                // the files as finalized by stop() are what the user keeps
            }
            return finalInfo;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void flushTick() {
        if (stopped) {
            return;
        }
        try {
            faces.flush();
            if (crops != null) {
                crops.flush();
            }
            long now = settings.live() ? elapsedMs() : lastSessionMs;
            if (labels.current().isPresent()) {
                LabelsCsv.write(folder.resolve(LABELS_CSV), labels.segments(now));
            }
            SessionJson.write(folder.resolve(SESSION_JSON), info(SessionInfo.RECORDING, null, now));
        } catch (RecordingException e) {
            fail(e.getMessage());
        }
    }

    /** Stops after a write failure: keeps what was written, marks session.json failed (if it still can), tells the listener. */
    private void fail(String message) {
        if (failure != null) {
            return;
        }
        failure = message;
        stopped = true;
        flusher.shutdown();
        closeWriters();
        long endMs = endMs();
        labels.closeAt(endMs);
        try {
            LabelsCsv.write(folder.resolve(LABELS_CSV), labels.segments(endMs));
            finalInfo = info(SessionInfo.FAILED, Instant.now().toString(), endMs);
            SessionJson.write(folder.resolve(SESSION_JSON), finalInfo);
        } catch (RecordingException ignored) {
            // the disk refuses more: the files as last flushed are what the user keeps
        }
        onFailure.accept("Recording stopped: " + message + " The session so far is kept in " + folder + ".");
    }

    private void closeWriters() {
        for (AutoCloseable c : new AutoCloseable[] {faces, crops, video, raw}) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e.getMessage();
                }
            }
        }
    }

    private long endMs() {
        if (settings.live()) {
            return elapsedMs();
        }
        return frames == 0 ? 0 : lastSessionMs + Math.round(1000 / settings.videoFps());
    }

    private SessionInfo info(String status, String endedAt, long durationMs) {
        return new SessionInfo(SessionInfo.FORMAT, source, model, settings, startedAt.toString(), endedAt, status, failure,
                durationMs, frames, faces.rows(), video == null ? 0 : video.framesDropped(), crops == null ? 0 : crops.rows(),
                labels.segments(durationMs).size(), video == null ? null : ANNOTATED_VIDEO, video == null ? null : video.codec(),
                raw == null ? null : RAW_VIDEO, detector, changes);
    }
}
