package io.emolens.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.detect.DetectorConfig;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code evaluate --photos}: the app end to end on whole photos in class folders, with the shipped model. */
class EvaluatePhotosTest {
    /** JAFFE, read in place (never copied: its licence forbids redistribution); tests that need it skip without it. */
    static final Path JAFFE = TestFiles.repo().resolve("../shared/data/photos/jaffe").normalize();

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int evaluate(String... args) {
        Wiring wiring = new Wiring(AppPaths::locate, DetectorConfig.DEFAULT, Main.modelLoader());
        return new CommandLine(new EvaluateCommand(wiring, print(out), print(err))).execute(args);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private Path photoFolder() throws IOException {
        Path dir = tmp.resolve("photos");
        for (String[] p : new String[][] {{"happy", "obama.jpg"}, {"sad", "two_people.jpg"}, {"neutral", "no_face_suit.jpg"},
                {"Surprise", "astronaut.png"}}) {
            Files.createDirectories(dir.resolve(p[0]));
            Files.copy(TestFiles.resource("faces/" + p[1]), dir.resolve(p[0]).resolve(p[1]));
        }
        Files.writeString(dir.resolve("happy/notes.txt"), "not a photo: skipped by its name");
        return dir;
    }

    @ParameterizedTest
    @CsvSource({"haar", "yunet"})
    void countsPhotosFacesAndRightLabelsAndDrawsTheMistakes(String detector) throws IOException {
        Path dir = photoFolder();
        Path json = tmp.resolve("out/photos.json");
        Path predictions = tmp.resolve("out/photos.csv");
        assertEquals(0, evaluate("--photos", dir.toString(), "--detector", detector, "--json", json.toString(),
                "--predictions", predictions.toString()), err.toString());
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, doc.get("photos").asInt());
        assertEquals(3, doc.get("faces_found").asInt(), "no_face_suit.jpg has no face");
        List<String> rows = Files.readAllLines(predictions);
        assertEquals(5, rows.size());
        assertEquals("origin,truth,x,y,w,h,label,angry,disgust,fear,happy,sad,surprise,neutral", rows.get(0));
        long right = rows.stream().skip(1).filter(r -> r.split(",", -1)[1].equals(r.split(",", -1)[6])).count();
        assertEquals(right, doc.get("right").asInt());
        assertEquals(right / 4.0, doc.get("accuracy").asDouble(), 1e-12);
        assertEquals(right / 3.0, doc.get("accuracy_found").asDouble(), 1e-12);
        assertEquals(detector.equals("haar") ? "Haar cascade" : "YuNet CNN", doc.get("detector").asText());
        assertTrue(rows.contains("neutral/no_face_suit.jpg,Neutral,,,,,,,,,,,,"), rows.toString());
        assertEquals(1, doc.get("per_class").get("Happy").get("photos").asInt());
        Path sheet = tmp.resolve("out/photos-mistakes.png");
        assertTrue(Files.size(sheet) > 1000, "the contact sheet of the mistakes");
        java.awt.image.BufferedImage drawn = javax.imageio.ImageIO.read(sheet.toFile());
        assertEquals(4 * 330, drawn.getWidth());
        assertEquals(30 + 170 * Math.max(1, (int) Math.ceil((4 - right) / 4.0)), drawn.getHeight(), "one tile per mistake, four a row");
    }

    @Test
    void badFoldersAndUnreadablePhotosGetOneLineErrors() throws IOException {
        assertEquals(2, evaluate("--photos", tmp.resolve("missing").toString()));
        assertTrue(err.toString().contains("photo folder not found"), err.toString());
        err.reset();
        Files.createDirectories(tmp.resolve("loose/people"));
        Files.copy(TestFiles.resource("faces/obama.jpg"), tmp.resolve("loose/people/obama.jpg"));
        assertEquals(2, evaluate("--photos", tmp.resolve("loose").toString()));
        assertTrue(err.toString().contains("expected class folders (angry, disgust") && err.toString().contains("found only the folders [people]"),
                err.toString());
        err.reset();
        Path dir = photoFolder();
        Files.writeString(dir.resolve("sad/broken.jpg"), "this is text, not a JPEG");
        assertEquals(2, evaluate("--photos", dir.toString()));
        assertTrue(err.toString().contains("broken.jpg") && err.toString().lines().count() == 1, err.toString());
        err.reset();
        assertEquals(2, evaluate("--photos", dir.toString(), "--data", "fer2013.csv"));
        assertTrue(err.toString().contains("give --data FER2013 (faces already cropped) or --photos DIR"), err.toString());
    }

    @ParameterizedTest
    @CsvSource({"haar, 0.49", "yunet, 0.50"})
    void jaffeThroughTheAppReachesWhatDocsModelSays(String detector, double atLeast) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(JAFFE), "JAFFE photos not found at " + JAFFE + "; skipped");
        Path json = tmp.resolve("jaffe.json");
        assertEquals(0, evaluate("--photos", JAFFE.toString(), "--detector", detector, "--json", json.toString()), err.toString());
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(213, doc.get("photos").asInt());
        assertEquals(213, doc.get("faces_found").asInt());
        assertTrue(doc.get("accuracy").asDouble() >= atLeast, detector + ": " + doc.get("accuracy").asDouble());
    }
}
