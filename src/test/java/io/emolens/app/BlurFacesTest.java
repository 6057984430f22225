package io.emolens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.emolens.TestFiles;
import io.emolens.core.FaceBox;
import io.emolens.core.VideoFrame;
import io.emolens.session.RecordedSession;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;

/**
 * {@code analyze --video --blur-faces} on the demo clip: inside every face box of annotated.mp4 the picture is at most a
 * quarter as sharp (variance of the Laplacian) as the source at the same place; {@code --data-only} keeps no face.
 */
class BlurFacesTest {
    /** Left out of each side of a box, so the drawn box outline and the label above it are not measured. */
    private static final double INSET = 0.15;
    /**
     * Boxes whose source has less Laplacian variance than this hold nothing to blur (the clip's first frames find a
     * "face" in a black background): there the ratio measures H.264's own noise, about 1 grey level squared.
     */
    private static final double FLAT = 5;

    @Test
    void everyFaceInTheAnnotatedVideoIsBlurred(@TempDir Path out) throws IOException {
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.cli("analyze", TestFiles.demoClip().toString(), "--out", out.toString(), "--video",
                "--blur-faces", "--no-progress");
        assertEquals(0, run.exit(), run.err());
        RecordedSession session = RecordedSession.open(out);
        Map<Long, List<FaceBox>> boxes = new HashMap<>();
        session.faces().forEach(f -> boxes.computeIfAbsent(f.frame(), k -> new java.util.ArrayList<>()).add(f.box()));
        assertTrue(boxes.size() > 150, "faces on most frames: " + boxes.size());
        List<Double> ratios = new java.util.ArrayList<>();
        int flat = 0;
        double worst = 0;
        DefaultFrameSourceFactory sources = new DefaultFrameSourceFactory();
        try (FrameSource source = sources.open(TestFiles.demoClip()); FrameSource annotated = sources.open(out.resolve("annotated.mp4"))) {
            Optional<VideoFrame> a;
            Optional<VideoFrame> b;
            long index = 0;
            while ((a = source.next()).isPresent() && (b = annotated.next()).isPresent()) {
                for (FaceBox box : boxes.getOrDefault(index, List.of())) {
                    int dx = (int) Math.round(box.width() * INSET);
                    int dy = (int) Math.round(box.height() * INSET);
                    FaceBox inner = new FaceBox(box.x() + dx, box.y() + dy, box.width() - 2 * dx, box.height() - 2 * dy);
                    if (inner.width() < 16 || inner.height() < 16) {
                        continue;
                    }
                    double sourceDetail = laplacianVariance(a.get().image(), inner);
                    if (sourceDetail < FLAT) {
                        flat++;
                        continue;
                    }
                    double ratio = laplacianVariance(b.get().image(), inner) / sourceDetail;
                    worst = Math.max(worst, ratio);
                    ratios.add(ratio);
                    assertTrue(ratio <= 0.25, "frame " + index + " face " + box + ": sharpness " + ratio + " of the source's");
                }
                index++;
            }
        }
        assertTrue(ratios.size() > 150, "faces measured: " + ratios.size() + ", " + flat + " flat");
        ratios.sort(null);
        assertTrue(ratios.get(ratios.size() / 2) < 0.05, "the typical face keeps under 5% of its sharpness: " + ratios.get(ratios.size() / 2));
        assertTrue(new ObjectMapper().readTree(out.resolve("session.json").toFile()).at("/settings/blur_faces").asBoolean(),
                "session.json records the blur");
        System.out.printf("blur: %d faces, median %.3f, sharpest %.3f of the source's; %d flat boxes left out%n", ratios.size(),
                ratios.get(ratios.size() / 2), worst, flat);
    }

    @Test
    void dataOnlyKeepsNoVideoAndNoCrops(@TempDir Path out) {
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.cli("analyze", TestFiles.demoClip().toString(), "--out", out.toString(), "--data-only",
                "--no-progress");
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.exists(out.resolve("faces.csv")));
        assertFalse(Files.exists(out.resolve("crops.csv")), "no face crops");
        assertFalse(Files.exists(out.resolve("annotated.mp4")), "no video");
        assertTrue(RecordedSession.open(out).faces().size() > 150, "the rows are all there");
        assertEquals(2, AnalyzeCommandTest.cli("analyze", TestFiles.demoClip().toString(), "--out", out.resolve("x").toString(), "--data-only",
                "--video").exit(), "--data-only with --video is refused");
    }

    /** Variance of the 4-neighbour Laplacian of the grey values inside {@code r}. */
    static double laplacianVariance(BufferedImage image, FaceBox r) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = r.y() + 1; y < r.y() + r.height() - 1; y++) {
            for (int x = r.x() + 1; x < r.x() + r.width() - 1; x++) {
                double l = grey(image, x - 1, y) + grey(image, x + 1, y) + grey(image, x, y - 1) + grey(image, x, y + 1) - 4 * grey(image, x, y);
                sum += l;
                squares += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    private static double grey(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }
}
