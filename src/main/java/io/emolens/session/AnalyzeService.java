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
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.record.AnnotatedVideoWriter;
import io.emolens.record.FacesCsvWriter;
import io.emolens.render.OverlayOptions;
import io.emolens.render.OverlayRenderer;
import io.emolens.source.FrameSource;
import io.emolens.source.FrameSourceFactory;
import io.emolens.track.TrackedFace;

/**
 * Headless analysis of a video, image or folder of images: every face of every frame classified, rows to
 * {@code faces.csv}, totals to {@code summary.json}, optionally the annotated video. The CLI's
 * {@code analyze} command is a thin front for this.
 */
public final class AnalyzeService {
    public static final String FACES_CSV = "faces.csv";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String ANNOTATED_VIDEO = "annotated.mp4";
    private final FrameSourceFactory sources;
    private final OverlayRenderer renderer = new OverlayRenderer();

    public AnalyzeService(FrameSourceFactory sources) {
        this.sources = sources;
    }

    /**
     * Analyzes {@code input} into {@code outDir} (created if missing) with {@code analyzer}, whose classifier
     * may be absent (detection only).
     */
    public AnalysisSummary analyze(Path input, Path outDir, boolean video, FrameAnalyzer analyzer, AnalysisProgress progress) {
        createDirectory(outDir);
        long start = System.nanoTime();
        long frames = 0;
        long framesWithFaces = 0;
        long faces = 0;
        Map<String, Long> labels = new LinkedHashMap<>();
        for (Emotion e : Emotion.values()) {
            labels.put(e.label(), 0L);
        }
        String codec = null;
        String model = analyzer.classifier().map(c -> c.name()).orElse(null);
        try (FrameSource source = sources.open(input);
             FacesCsvWriter csv = new FacesCsvWriter(outDir.resolve(FACES_CSV))) {
            AnnotatedVideoWriter writer = null;
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
                    csv.write(result);
                    frames++;
                    if (!result.faces().isEmpty()) {
                        framesWithFaces++;
                    }
                    for (TrackedFace face : result.faces()) {
                        faces++;
                        face.scores().ifPresent(s -> labels.merge(s.top().label(), 1L, Long::sum));
                    }
                    if (video) {
                        if (writer == null) {
                            writer = new AnnotatedVideoWriter(outDir.resolve(ANNOTATED_VIDEO), frame.width(), frame.height(),
                                    source.frameRate() > 0 ? source.frameRate() : 1, false);
                            codec = writer.codec();
                        }
                        writer.write(renderer.render(result, OverlayOptions.ALL.withFps(false), 0), frame.timeMs() > 0 ? frame.timeMs() : frames * 1000);
                    }
                    progress.onFrame(frames, total);
                }
            } finally {
                if (writer != null) {
                    writer.close();
                }
            }
        }
        long elapsedMs = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        AnalysisSummary summary = new AnalysisSummary(input.toString(), model, frames, framesWithFaces, faces, labels,
                frames * 1000.0 / elapsedMs, elapsedMs, video && frames > 0 ? ANNOTATED_VIDEO : null, codec);
        writeJson(outDir.resolve(SUMMARY_JSON), summary);
        return summary;
    }

    /** The mapper used for summaries: snake_case keys, indented. */
    public static ObjectMapper json() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static void writeJson(Path file, Object value) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json().writeValue(tmp.toFile(), value);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmolensException("Cannot write " + file + ": " + e.getMessage(), e);
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
