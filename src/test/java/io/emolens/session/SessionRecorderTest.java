package io.emolens.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.core.Emotion;
import io.emolens.core.VideoFrame;
import io.emolens.data.Dataset;
import io.emolens.data.Fer2013CsvReader;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;
import io.emolens.data.Split;
import io.emolens.detect.DetectorConfig;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.record.CropsCsvWriter;
import io.emolens.record.FacesCsvWriter;
import io.emolens.record.LabelSegment;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;
import io.emolens.track.TrackedFace;
import io.emolens.track.TrackerConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records the demo clip (detection only, as the app runs without a model) with labels scripted at fixed source
 * times, reopens the session folder as the review does, and checks it frame by frame.
 */
class SessionRecorderTest {
    private static final List<LabelSegment> SCRIPT_CLOSED = List.of(
            new LabelSegment(1000, 3000, Emotion.HAPPY), new LabelSegment(3000, 4500, Emotion.SAD));
    @TempDir
    static Path tmp;
    static Path folder;
    static final List<AnalyzedFrame> FRAMES = new ArrayList<>();
    static SessionInfo stopped;
    static FrameAnalyzer analyzer;

    @BeforeAll
    static void recordTheDemoClip() {
        folder = tmp.resolve("session");
        Wiring wiring = new Wiring(new AppPaths(TestFiles.repo()), DetectorConfig.DEFAULT, Main.modelLoader());
        analyzer = wiring.create(null, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE);
        List<String> failures = new ArrayList<>();
        try (FrameSource clip = new DefaultFrameSourceFactory().open(TestFiles.demoClip())) {
            SessionRecorder recorder = SessionRecorder.start(folder, RecordingSettings.offline(true, clip.frameRate()),
                    clip.description(), null, analyzer.preprocessor(), failures::add);
            Optional<VideoFrame> next;
            while ((next = clip.next()).isPresent()) {
                VideoFrame frame = next.get();
                script(recorder, frame.timeMs());
                AnalyzedFrame analyzed = analyzer.analyze(frame);
                FRAMES.add(analyzed);
                assertTrue(recorder.frame(analyzed, frame.timeMs()));
            }
            stopped = recorder.stop();
        }
        assertEquals(List.of(), failures);
    }

    /** Happy at 1.0 s, Sad at 3.0 s, cleared at 4.5 s, Surprise from 5.5 s to the end. */
    private static void script(SessionRecorder recorder, long ms) {
        if (ms >= 1000 && recorder.currentLabel().isEmpty() && ms < 3000) {
            recorder.label(Emotion.HAPPY, 1000);
        } else if (ms >= 3000 && ms < 4500 && recorder.currentLabel().equals(Optional.of(Emotion.HAPPY))) {
            recorder.label(Emotion.SAD, 3000);
        } else if (ms >= 4500 && ms < 5500 && recorder.currentLabel().isPresent()) {
            recorder.label(null, 4500);
        } else if (ms >= 5500 && recorder.currentLabel().isEmpty()) {
            recorder.label(Emotion.SURPRISE, 5500);
        }
    }

    private static long lastMs() {
        return FRAMES.get(FRAMES.size() - 1).frame().timeMs();
    }

    @Test
    void sessionJsonCountsEveryFrameAndIsFinal() {
        assertEquals(210, FRAMES.size(), "the demo clip has 210 frames");
        RecordedSession s = RecordedSession.open(folder);
        SessionInfo info = s.info();
        assertEquals(stopped, info);
        assertEquals(SessionInfo.COMPLETE, info.status());
        assertEquals("demo.mp4", info.source());
        assertEquals(null, info.model());
        assertEquals(DetectorConfig.DEFAULT, info.detector());
        assertEquals(List.of(), info.changes(), "nothing changed during the recording");
        assertEquals(210, info.frames());
        assertEquals(0, info.droppedFrames());
        assertEquals(3, info.labelSegments());
        assertEquals(SessionRecorder.ANNOTATED_VIDEO, info.video());
        assertTrue(info.endedAt() != null && info.endedAt().compareTo(info.startedAt()) > 0);
        long faceRows = FRAMES.stream().mapToLong(f -> f.faces().size()).sum();
        assertEquals(faceRows, info.faceRows());
        assertEquals(faceRows, s.faces().size());
        assertEquals(0, s.skippedRows());
        assertFalse(s.hasPredictions());
    }

    @Test
    void facesCsvKeepsTheAnalyzeColumnsAndAppendsSessionTime() throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve(SessionRecorder.FACES_CSV));
        assertEquals(FacesCsvWriter.HEADER + ",session_ms,valence", lines.get(0));
        int row = 1;
        for (AnalyzedFrame f : FRAMES) {
            for (TrackedFace face : f.faces()) {
                String[] c = lines.get(row++).split(",", -1);
                assertEquals(19, c.length);
                assertEquals(f.frame().index(), Long.parseLong(c[0]));
                assertEquals(face.id(), Integer.parseInt(c[3]));
                assertEquals(face.box().x(), Integer.parseInt(c[4]));
                assertEquals(f.frame().timeMs(), Long.parseLong(c[17]), "session time = source time offline");
                assertEquals(face.scores().map(sc -> String.format(java.util.Locale.ROOT, "%.6f", sc.valence())).orElse(""), c[18]);
            }
        }
        assertEquals(lines.size(), row);
    }

    @Test
    void labelSegmentsAreTheScriptedOnes() {
        List<LabelSegment> expected = new ArrayList<>(SCRIPT_CLOSED);
        expected.add(new LabelSegment(5500, lastMs() + Math.round(1000 / 29.97), Emotion.SURPRISE));
        assertEquals(expected, RecordedSession.open(folder).labels());
    }

    @Test
    void theAnnotatedVideoDecodesFrameForFrame() {
        long frames = 0;
        long lastTime = -1;
        try (FrameSource video = new DefaultFrameSourceFactory().open(folder.resolve(SessionRecorder.ANNOTATED_VIDEO))) {
            Optional<VideoFrame> next;
            while ((next = video.next()).isPresent()) {
                frames++;
                lastTime = next.get().timeMs();
                assertEquals(FRAMES.get(0).frame().width(), next.get().width());
            }
        }
        assertEquals(210, frames);
        assertTrue(Math.abs(lastTime - lastMs()) <= 40, "video ends where the clip ends: " + lastTime + " vs " + lastMs());
    }

    @Test
    void agreementReportSaysThereAreNoPredictions() {
        AgreementReport report = AgreementReport.of(RecordedSession.open(folder));
        long labeledFrames = FRAMES.stream().filter(f -> !f.faces().isEmpty())
                .filter(f -> AgreementReport.labelAt(RecordedSession.open(folder).labels(), f.frame().timeMs()).isPresent()).count();
        assertTrue(labeledFrames > 100, "most labeled frames show the performer: " + labeledFrames);
        assertEquals(labeledFrames, report.labeledFrames());
        assertEquals(labeledFrames, report.unscoredFrames());
        assertEquals(0, report.compared());
        assertFalse(report.predictions());
        assertTrue(report.text().contains("No predictions"), report.text());
        assertTrue(report.text().contains("without a model"), report.text());
    }

    @Test
    void exportedCropsAreFer2013RowsOfTheInferenceCropWithTheSegmentLabel() throws IOException {
        RecordedSession s = RecordedSession.open(folder);
        Path fer = tmp.resolve("mine.csv");
        long[] counts = FerExport.export(s, fer);
        Dataset data = new Fer2013CsvReader().read(fer, ReadOptions.STRICT);
        assertEquals(Arrays.stream(counts).sum(), data.faces().size());
        assertEquals("emotion,pixels,Usage", Files.readAllLines(fer).get(0));
        Map<Long, AnalyzedFrame> byIndex = new HashMap<>();
        FRAMES.forEach(f -> byIndex.put(f.frame().index(), f));
        int k = 0;
        int[] perLabel = new int[Emotion.COUNT];
        List<String> crops = Files.readAllLines(s.crops());
        assertEquals(CropsCsvWriter.HEADER, crops.get(0));
        for (String line : crops.subList(1, crops.size())) {
            String[] c = line.split(",", 4);
            long ms = Long.parseLong(c[0]);
            Optional<Emotion> label = AgreementReport.labelAt(s.labels(), ms);
            if (label.isEmpty()) {
                continue;
            }
            LabeledFace face = data.faces().get(k++);
            assertEquals(label.get(), face.emotion(), "crop at " + ms + " ms");
            assertEquals(Split.TRAINING, face.split());
            AnalyzedFrame frame = byIndex.get(Long.parseLong(c[1]));
            TrackedFace largest = frame.faces().stream().max((a, b) -> Integer.compare(a.box().area(), b.box().area())).orElseThrow();
            assertEquals(largest.id(), Integer.parseInt(c[2]));
            assertArrayEquals(analyzer.preprocessor().crop(frame.frame().image(), largest.box()), face.pixels(),
                    "the exported crop is exactly what the classifier is given");
            perLabel[label.get().index()]++;
        }
        assertEquals(data.faces().size(), k);
        assertTrue(perLabel[Emotion.HAPPY.index()] >= 5 && perLabel[Emotion.SAD.index()] >= 3 && perLabel[Emotion.SURPRISE.index()] >= 3,
                Arrays.toString(perLabel));
        assertEquals(0, perLabel[Emotion.ANGRY.index()]);
        for (int e = 0; e < Emotion.COUNT; e++) {
            assertEquals(perLabel[e], counts[e]);
        }
    }

    @Test
    void theOptionalRawVideoHoldsTheFramesWithoutOverlay() {
        Path rawFolder = tmp.resolve("raw-session");
        SessionRecorder recorder = SessionRecorder.start(rawFolder, RecordingSettings.offline(true, 29.97).withRawVideo(true),
                "demo.mp4", null, analyzer.preprocessor(), m -> { });
        for (AnalyzedFrame f : FRAMES.subList(0, 30)) {
            recorder.frame(f, f.frame().timeMs());
        }
        SessionInfo info = recorder.stop();
        assertEquals(SessionRecorder.RAW_VIDEO, info.rawVideo());
        long frames = 0;
        double edgeRaw = 0;
        double edgeAnnotated = 0;
        try (FrameSource raw = new DefaultFrameSourceFactory().open(rawFolder.resolve(SessionRecorder.RAW_VIDEO));
             FrameSource annotated = new DefaultFrameSourceFactory().open(rawFolder.resolve(SessionRecorder.ANNOTATED_VIDEO))) {
            Optional<VideoFrame> next;
            while ((next = raw.next()).isPresent()) {
                AnalyzedFrame source = FRAMES.get((int) frames++);
                java.awt.image.BufferedImage drawn = annotated.next().orElseThrow().image();
                for (TrackedFace face : source.faces()) {
                    edgeRaw += topEdgeDiff(next.get().image(), source.frame().image(), face);
                    edgeAnnotated += topEdgeDiff(drawn, source.frame().image(), face);
                }
            }
        }
        assertEquals(30, frames);
        assertTrue(edgeAnnotated > 3 * edgeRaw && edgeRaw > 0,
                "the face boxes are drawn in annotated.mp4 only: edge difference raw " + edgeRaw + ", annotated " + edgeAnnotated);
    }

    /** Mean absolute difference of two pictures along the top edge of a face box, where the overlay draws its line. */
    private static double topEdgeDiff(java.awt.image.BufferedImage a, java.awt.image.BufferedImage b, TrackedFace face) {
        long sum = 0;
        int y = face.box().y();
        for (int x = face.box().x(); x < face.box().x() + face.box().width(); x++) {
            int p = a.getRGB(x, y);
            int q = b.getRGB(x, y);
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs(((p >> shift) & 255) - ((q >> shift) & 255));
            }
        }
        return (double) sum / (3 * face.box().width());
    }

    @Test
    void aFolderWithASessionIsNotOverwritten() {
        assertThrows(io.emolens.core.EmolensException.class,
                () -> SessionRecorder.start(folder, RecordingSettings.LIVE, "x", null, analyzer.preprocessor(), m -> { }));
    }

    @Test
    void aFolderWithoutSessionJsonIsRefusedWithAMessage(@TempDir Path empty) {
        var e = assertThrows(io.emolens.core.EmolensException.class, () -> RecordedSession.open(empty));
        assertTrue(e.getMessage().contains("not an Emolens session") && e.getMessage().contains("session.json"), e.getMessage());
    }
}
