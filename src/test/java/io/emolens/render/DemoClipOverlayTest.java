package io.emolens.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.classify.EmotionClassifier;
import io.emolens.core.Emotion;
import io.emolens.core.FaceBox;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorConfig;
import io.emolens.detect.FaceDetector;
import io.emolens.detect.HaarFaceDetector;
import io.emolens.detect.YunetConfig;
import io.emolens.detect.YunetFaceDetector;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.preprocess.OpenCvFacePreprocessor;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;
import io.emolens.track.TrackedFace;
import io.emolens.track.TrackerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every frame of the demo clip, analyzed with the shipped model and a face detector, laid out as the annotated
 * video (the frame itself) and as the live view in two window sizes: no overlapping panels or labels, none
 * covering another face, and the largest face always has its full panel ({@link LayoutChecks}). The detector
 * is a parameter: add a row to {@link #detectors()} for another one (e.g. the CNN detector). Tracking and
 * smoothing are on, as live, and every face is classified on every frame, so the result does not depend on timing.
 */
class DemoClipOverlayTest {
    private static EmotionClassifier classifier;

    @BeforeAll
    static void loadModel() {
        classifier = Main.modelLoader().load(new AppPaths(TestFiles.repo()).defaultModel());
    }

    @AfterAll
    static void closeModel() {
        classifier.close();
    }

    static Stream<Arguments> detectors() {
        return Stream.of(Arguments.of("Haar cascade (alt2)",
                (Supplier<FaceDetector>) () -> new HaarFaceDetector(TestFiles.cascade(), DetectorConfig.DEFAULT), true),
                Arguments.of("YuNet CNN", (Supplier<FaceDetector>) () -> new YunetFaceDetector(
                        new AppPaths(TestFiles.repo()).yunetModel(), YunetConfig.DEFAULT), false));
    }

    /**
     * Each frame is checked with the faces the detector found and, for the Haar cascade (which finds at most two
     * faces here), again with an audience of eight more faces (two rows, 40-56 px, varied scores) added in the lower
     * half where they overlap no found face: a crowd on real frames. YuNet finds the clip's real audience (5+ faces),
     * so its frames are checked as found. Eight synthetic faces on top of YuNet's (13+ faces at 640x360) break the
     * layout's promises on 5 of 210 frames (a synthetic face's label over a real face on 3, the largest face left a
     * mini bar on 2): a limit of the layout, noted in issue 19.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void noFrameOfTheDemoClipPilesUp(String name, Supplier<FaceDetector> detector, boolean addAudience) {
        List<Viewport> views = List.of(Viewport.frame(640, 360), Viewport.fit(640, 360, 960, 540), Viewport.fit(640, 360, 1280, 800));
        List<OverlayLayout> found = views.stream().map(v -> new OverlayLayout()).toList();
        List<OverlayLayout> crowd = views.stream().map(v -> new OverlayLayout()).toList();
        OverlayContent content = OverlayContent.of(OverlayOptions.ALL.withFps(false));
        List<String> problems = new ArrayList<>();
        int frames = 0;
        int maxFaces = 0;
        try (FrameAnalyzer analyzer = new FrameAnalyzer(detector.get(), new OpenCvFacePreprocessor(0.1), null, TrackerConfig.DEFAULT,
                ClassifyPolicy.EVERY_FACE);
             FrameSource clip = new DefaultFrameSourceFactory().open(TestFiles.demoClip())) {
            analyzer.setClassifier(classifier);
            Optional<VideoFrame> next;
            while ((next = clip.next()).isPresent()) {
                AnalyzedFrame analyzed = analyzer.analyze(next.get());
                frames++;
                maxFaces = Math.max(maxFaces, analyzed.faces().size());
                List<TrackedFace> withAudience = withAudience(analyzed.faces());
                for (int i = 0; i < views.size(); i++) {
                    Viewport view = views.get(i);
                    OverlayStyle style = new OverlayStyle(view.unit());
                    String where = "frame " + analyzed.frame().index() + " in " + view;
                    LayoutChecks.problems(found.get(i).place(analyzed.faces(), view, style, content), true)
                            .forEach(p -> problems.add(where + ": " + p));
                    if (addAudience) {
                        LayoutChecks.problems(crowd.get(i).place(withAudience, view, style, content), true)
                                .forEach(p -> problems.add(where + " with the audience: " + p));
                    }
                }
            }
            analyzer.setClassifier(null);
        }
        assertTrue(frames > 150, "the whole clip was read: " + frames + " frames");
        assertTrue(maxFaces >= 1, "faces were found");
        assertEquals(List.of(), problems.stream().limit(20).toList(), problems.size() + " problems over " + frames + " frames");
    }

    private static final List<FaceBox> AUDIENCE = List.of(
            new FaceBox(20, 200, 44, 44), new FaceBox(110, 190, 40, 40), new FaceBox(480, 195, 44, 44), new FaceBox(570, 188, 42, 42),
            new FaceBox(60, 290, 56, 56), new FaceBox(170, 295, 52, 52), new FaceBox(430, 292, 54, 54), new FaceBox(540, 298, 50, 50));

    private static List<TrackedFace> withAudience(List<TrackedFace> found) {
        List<TrackedFace> faces = new ArrayList<>(found);
        for (int i = 0; i < AUDIENCE.size(); i++) {
            FaceBox a = AUDIENCE.get(i);
            if (found.stream().allMatch(f -> f.box().iou(a) == 0)) {
                faces.add(new TrackedFace(1000 + i, a, Optional.of(OverlayLayoutTest.scores(Emotion.values()[i % Emotion.COUNT])), true));
            }
        }
        return faces;
    }
}
