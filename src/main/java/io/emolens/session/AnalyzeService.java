package io.emolens.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.emolens.core.Emotion;
import io.emolens.core.EmolensException;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorSettings;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.source.FrameSource;
import io.emolens.source.FrameSourceFactory;
import io.emolens.track.TrackedFace;

/**
 * Headless analysis of a video, image or folder of images: every face of every frame classified and recorded
 * as a session folder by the shared {@link SessionRecorder} (faces.csv, crops, optionally the annotated video),
 * totals to {@code summary.json}. The CLI's
 * {@code analyze} command is a thin front for this.
 */
public final class AnalyzeService {
    public static final String FACES_CSV = SessionRecorder.FACES_CSV;
    public static final String SUMMARY_JSON = "summary.json";
    public static final String ANNOTATED_VIDEO = SessionRecorder.ANNOTATED_VIDEO;
    private final FrameSourceFactory sources;

    public AnalyzeService(FrameSourceFactory sources) {
        this.sources = sources;
    }

    /**
     * Analyzes {@code input} into {@code outDir} (created if missing) with {@code analyzer}, whose classifier
     * may be absent (detection only). {@code outDir} becomes a session folder (see {@link SessionRecorder}) that
     * File → Open session… and {@code review} read, plus {@code summary.json}.
     */
    public AnalysisSummary analyze(Path input, Path outDir, boolean video, FrameAnalyzer analyzer, AnalysisProgress progress) {
        createDirectory(outDir);
        clearPreviousSession(outDir);
        long start = System.nanoTime();
        long frames = 0;
        long framesWithFaces = 0;
        long faces = 0;
        Map<String, Long> labels = new LinkedHashMap<>();
        for (Emotion e : Emotion.values()) {
            labels.put(e.label(), 0L);
        }
        String model = analyzer.classifier().map(c -> c.name()).orElse(null);
        SessionInfo session;
        try (FrameSource source = sources.open(input)) {
            double fps = source.frameRate();
            SessionRecorder recorder = SessionRecorder.start(outDir, RecordingSettings.offline(video, fps), source.description(),
                    model, analyzer.preprocessor(), message -> { });
            try {
                String lastSource = null;
                long total = source.frameCount();
                Optional<VideoFrame> next;
                while ((next = source.next()).isPresent()) {
                    VideoFrame frame = next.get();
                    if (!frame.source().equals(lastSource)) {
                        analyzer.reset();
                        lastSource = frame.source();
                    }
                    AnalyzedFrame result = analyzer.analyze(frame);
                    recorder.frame(result, fps > 0 ? frame.timeMs() : frames * 1000);
                    frames++;
                    if (!result.faces().isEmpty()) {
                        framesWithFaces++;
                    }
                    for (TrackedFace face : result.faces()) {
                        faces++;
                        face.scores().ifPresent(s -> labels.merge(s.top().label(), 1L, Long::sum));
                    }
                    progress.onFrame(frames, total);
                }
            } finally {
                session = recorder.stop();
            }
        }
        if (SessionInfo.FAILED.equals(session.status())) {
            throw new EmolensException("Analysis of " + input + " stopped: " + session.error() + " What was written is kept in " + outDir + ".");
        }
        long elapsedMs = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        AnalysisSummary summary = new AnalysisSummary(input.toString(), model, frames, framesWithFaces, faces, labels,
                frames * 1000.0 / elapsedMs, elapsedMs, session.video(), session.videoCodec(),
                session.detector() != null ? session.detector() : analyzer.detectorConfig());
        SessionJson.write(outDir.resolve(SUMMARY_JSON), summary);
        return summary;
    }

    /** The mapper used for summaries: snake_case keys, indented. */
    public static ObjectMapper json() {
        return new ObjectMapper()
                .addMixIn(DetectorSettings.class, DetectorSettingsJson.class)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** A re-run into the same folder replaces the previous results, as before sessions existed. */
    private static void clearPreviousSession(Path dir) {
        for (String name : new String[] {SessionRecorder.SESSION_JSON, SessionRecorder.ANNOTATED_VIDEO, SessionRecorder.RAW_VIDEO}) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                throw new EmolensException("Cannot replace " + dir.resolve(name) + ": " + e.getMessage(), e);
            }
        }
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EmolensException("Cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new EmolensException("Output folder " + dir + " is not writable.");
        }
    }
}
