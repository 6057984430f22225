package io.emolens.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.emolens.core.Emotion;
import io.emolens.core.EmolensException;
import io.emolens.core.ProcessMemory;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorSettings;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.pipeline.OfflineAnalysis;
import io.emolens.source.FrameSource;
import io.emolens.source.FrameSourceFactory;
import io.emolens.source.StreamUrl;
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
        return analyze(input.toString(), outDir, video, analyzer, List.of(), 0, OfflineAnalysis.DEFAULT_SCAN_EVERY, new AnalysisControl(), progress);
    }

    /**
     * Analyzes a file, folder or network stream ({@code http(s)://}, {@code rtsp://}) like
     * {@link #analyze(Path, Path, boolean, FrameAnalyzer, AnalysisProgress)}, detecting on {@code analyzer} and on
     * each of {@code moreDetectors} in parallel (their classifiers are not used), for at most {@code maxSeconds}
     * of source time (0: to the end; a stream has no end), scanning every {@code scanEvery}-th frame of a video whole
     * and following the faces between ({@link OfflineAnalysis}). {@code control} stops it early (Ctrl+C): the outputs
     * are finalized with what was analyzed. A stream that is lost ends the run with session.json {@code failed}
     * and an error naming the URL, after the summary is written.
     */
    public AnalysisSummary analyze(String input, Path outDir, boolean video, FrameAnalyzer analyzer, List<FrameAnalyzer> moreDetectors,
                                   double maxSeconds, int scanEvery, AnalysisControl control, AnalysisProgress progress) {
        return analyze(input, outDir, video, Privacy.NONE, analyzer, moreDetectors, maxSeconds, scanEvery, control, progress);
    }

    /** {@link #analyze(String, Path, boolean, FrameAnalyzer, List, double, int, AnalysisControl, AnalysisProgress)} keeping only what {@code privacy} allows. */
    public AnalysisSummary analyze(String input, Path outDir, boolean video, Privacy privacy, FrameAnalyzer analyzer,
                                   List<FrameAnalyzer> moreDetectors, double maxSeconds, int scanEvery, AnalysisControl control,
                                   AnalysisProgress progress) {
        try {
            return run(input, outDir, video, privacy, analyzer, moreDetectors, maxSeconds, scanEvery, control, progress);
        } finally {
            control.finished();
        }
    }

    private AnalysisSummary run(String input, Path outDir, boolean video, Privacy privacy, FrameAnalyzer analyzer,
                                List<FrameAnalyzer> moreDetectors, double maxSeconds, int scanEvery, AnalysisControl control,
                                AnalysisProgress progress) {
        createDirectory(outDir);
        clearPreviousSession(outDir);
        long start = System.nanoTime();
        Map<String, Long> labels = new LinkedHashMap<>();
        for (Emotion e : Emotion.values()) {
            labels.put(e.label(), 0L);
        }
        long[] counts = new long[3];
        String model = analyzer.classifier().map(c -> c.name()).orElse(null);
        FrameSource source = sources.open(input);
        boolean live = source.isLive();
        double fps = source.frameRate();
        long total = maxSeconds > 0 ? 0 : source.frameCount();
        SessionRecorder recorder;
        try {
            RecordingSettings settings = privacy.applyTo(live ? new RecordingSettings(video, false, 200, false, fps > 0 ? fps : 30)
                    : RecordingSettings.offline(video, fps));
            recorder = SessionRecorder.start(outDir, settings, source.description(), model, analyzer.preprocessor(), message -> { });
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        List<FrameAnalyzer> detectors = new ArrayList<>();
        detectors.add(analyzer);
        detectors.addAll(moreDetectors);
        OfflineAnalysis.Outcome outcome;
        SessionInfo session;
        try {
            OfflineAnalysis.Sink sink = result -> {
                VideoFrame frame = result.frame();
                recorder.frame(result, live || fps > 0 ? frame.timeMs() : counts[0] * 1000);
                counts[0]++;
                if (!result.faces().isEmpty()) {
                    counts[1]++;
                }
                for (TrackedFace face : result.faces()) {
                    counts[2]++;
                    face.scores().ifPresent(sc -> labels.merge(sc.top().label(), 1L, Long::sum));
                }
                progress.onFrame(counts[0], total);
            };
            outcome = new OfflineAnalysis(analyzer, detectors, scanEvery).run(source, (long) (maxSeconds * 1000), control::stopRequested,
                    control::abortRequested, recorder.keepsFrames() ? sink : OfflineAnalysis.Sink.keepingNoFrames(sink));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new OfflineAnalysis.Outcome(counts[0], 0, Optional.of(e));
        } finally {
            session = recorder.stop();
        }
        Optional<Throwable> lost = outcome.error();
        if (lost.isPresent()) {
            session = recorder.stopFailed(describe(lost.get()));
        }
        if (SessionInfo.FAILED.equals(session.status()) && lost.isEmpty()) {
            throw new EmolensException("Analysis of " + StreamUrl.mask(input) + " stopped: " + session.error() + " What was written is kept in " + outDir + ".");
        }
        long elapsedMs = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        AnalysisSummary summary = new AnalysisSummary(StreamUrl.looksLikeUrl(input) ? source.description() : input, model, counts[0], counts[1], counts[2], labels,
                counts[0] * 1000.0 / elapsedMs, elapsedMs, session.video(), session.videoCodec(), 
                session.detector() != null ? session.detector() : analyzer.detectorConfig(), outcome.framesDropped(),
                lost.map(AnalyzeService::describe).orElse(null), scanEvery, ProcessMemory.peakRssMb());
        SessionJson.write(outDir.resolve(SUMMARY_JSON), summary);
        if (lost.isPresent()) {
            throw new EmolensException(describe(lost.get()) + " " + counts[0] + " frames were analyzed; the session is finalized in " + outDir
                    + " (source: " + source.description() + ").", lost.get());
        }
        return summary;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
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
