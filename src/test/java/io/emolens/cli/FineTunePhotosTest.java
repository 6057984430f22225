package io.emolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.core.FaceBox;
import io.emolens.data.Dataset;
import io.emolens.data.Fixtures;
import io.emolens.data.IssueKind;
import io.emolens.data.LabeledFace;
import io.emolens.data.PhotoFolderReader;
import io.emolens.data.ReadOptions;
import io.emolens.detect.DetectorConfig;
import io.emolens.detect.FaceDetector;
import io.emolens.source.ImageReader;
import io.emolens.train.FineTuneSpec;
import io.emolens.train.FineTuner;
import picocli.CommandLine;

/**
 * Fine-tuning on whole photos of people the model never saw (JAFFE, read in place): the faces come through the app's
 * own detector and crop, the person of each photo comes from its name, validation holds out a whole person, and the
 * report gives the base and the tuned model on that person and on FER2013. {@code --max-forgetting} still names the
 * guard's tolerance ({@code --max-general-drop}).
 */
class FineTunePhotosTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private final Wiring wiring = new Wiring(AppPaths::locate, DetectorConfig.DEFAULT, Main.modelLoader());

    /** Three women's angry and happy photos (links to the JAFFE files) and a photo without a face. */
    private Path photos() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(EvaluatePhotosTest.JAFFE), "JAFFE not found at " + EvaluatePhotosTest.JAFFE + "; skipped");
        Path dir = tmp.resolve("photos");
        for (String c : List.of("angry", "happy")) {
            Files.createDirectories(dir.resolve(c));
            try (var files = Files.list(EvaluatePhotosTest.JAFFE.resolve(c))) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches("(KA|KL|KM)\\..*")).toList()) {
                    Files.createSymbolicLink(dir.resolve(c).resolve(f.getFileName()), f);
                }
            }
        }
        Files.copy(TestFiles.resource("faces/no_face_suit.jpg"), dir.resolve("happy/no_face_suit.jpg"));
        return dir;
    }

    @Test
    void photosGoThroughTheAppsDetectorAndCropWithTheirPeople() throws IOException {
        Path dir = photos();
        assertTrue(PhotoFolderReader.isPhotoFolder(dir));
        Dataset d;
        try (FaceDetector detector = wiring.detector(DetectorConfig.DEFAULT)) {
            d = new PhotoFolderReader(detector, wiring.preprocessor()).read(dir, ReadOptions.DEFAULT);
            LabeledFace first = d.faces().get(0);
            var image = ImageReader.read(dir.resolve(first.origin()));
            FaceBox box = detector.detect(image).get(0);
            assertTrue(java.util.Arrays.equals(wiring.preprocessor().crop(image, box), first.pixels()), "the crop evaluate --photos takes");
        }
        assertEquals(1, d.issues().count(IssueKind.NO_FACE), "no_face_suit.jpg");
        assertEquals(Set.of("KA", "KL", "KM"), d.faces().stream().map(LabeledFace::group).collect(Collectors.toSet()));
        assertTrue(d.faces().size() >= 18, d.faces().size() + " faces");
    }

    @Test
    void theShippedModelTunesOnPhotosAndReportsOnAHeldOutPerson() throws IOException {
        Path dir = photos();
        Path run = tmp.resolve("run");
        int code = new CommandLine(new TrainCommand(wiring, print(out), print(err))).execute("--from",
                TestFiles.repo().resolve("models/emolens-default.zip").toString(), "--data", dir.toString(), "--out", run.toString(),
                "--max-epochs", "1", "--replay", Fixtures.CSV.toString(), "--max-forgetting", "10");
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("holding out every face of K"), text);
        assertTrue(text.matches("(?s).*own held-out faces \\(held-out person K[ALM]\\) \\(\\d+ faces\\): base .*"), text);
        assertTrue(text.contains("FER2013 PublicTest, faces in general (the guard's) (50 faces)"), text);
        assertTrue(text.contains("FER2013 PrivateTest, faces in general (50 faces)"), text);
        FineTuneSpec spec = FineTuner.readPlan(run).start();
        assertEquals(0.10, spec.maxGeneralDrop(), 1e-12, "--max-forgetting is the guard's tolerance");
        assertTrue(spec.batchNormFrozen());
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
