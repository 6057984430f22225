package io.emolens.app;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.core.Emotion;
import io.emolens.record.LabelSegment;
import io.emolens.record.LabelsCsv;
import io.emolens.session.LabeledSessions;

import static io.emolens.app.AnalyzeCommandTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code review DIR --report FILE.html} on real analyses of the demo clip: the figures in the report are recomputed
 * here from faces.csv and labels.csv, the file is self-contained, and damaged, older, private and model-less
 * sessions still get a report that says what is missing.
 */
class SessionReportTest {
    private static final List<LabelSegment> LABELS = List.of(new LabelSegment(0, 2000, Emotion.HAPPY), new LabelSegment(3000, 5500, Emotion.NEUTRAL));
    private static final Pattern SHARE = Pattern.compile(">(Angry|Disgust|Fear|Happy|Sad|Surprise|Neutral)</text><rect[^>]*/><text[^>]*>([0-9.]+)%</text>");
    private static final Pattern IMAGE = Pattern.compile("src=\"data:image/jpeg;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    static Path shared;
    private static Path analyzed;

    @BeforeAll
    static void analyzeTheDemoClip() {
        analyzed = shared.resolve("analyzed");
        AnalyzeCommandTest.Run run = cli("analyze", TestFiles.demoClip().toString(), "--out", analyzed.toString(), "--video", "--no-progress");
        assertEquals(0, run.exit(), run.err());
        LabelsCsv.write(analyzed.resolve("labels.csv"), LABELS);
    }

    @Test
    void theReportShowsTheSessionsOwnFiguresInOneSelfContainedFile(@TempDir Path tmp) throws IOException {
        Path html = tmp.resolve("r.html");
        AnalyzeCommandTest.Run run = cli("review", analyzed.toString(), "--report", html.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Report written to " + html + " (4 charts, 4 thumbnails)"), run.out());
        String doc = Files.readString(html);

        String outside = doc.replace("http://www.w3.org/2000/svg", "");
        assertFalse(outside.contains("http:") || outside.contains("https:") || outside.contains("<link") || outside.contains("<script"),
                "no network resource and no script: the file stands alone");
        assertTrue(doc.contains("<title>Valence over time, largest face</title>"), "a chart that names valence");

        List<String[]> largest = largestPerFrame(analyzed.resolve("faces.csv"));
        Map<String, Long> tops = new LinkedHashMap<>();
        for (String[] r : largest) {
            tops.merge(r[8], 1L, Long::sum);
        }
        Matcher shares = SHARE.matcher(doc);
        int bars = 0;
        while (shares.find()) {
            double expected = 100.0 * tops.getOrDefault(shares.group(1), 0L) / largest.size();
            assertEquals(expected, Double.parseDouble(shares.group(2)), expected < 10 ? 0.051 : 0.51, "share of " + shares.group(1));
            bars++;
        }
        assertTrue(bars >= 7, "the seven shares of the largest face (and tracked faces' bars after them): " + bars);

        double meanValence = largest.stream().mapToDouble(r -> Double.parseDouble(r[18])).average().orElseThrow();
        assertTrue(doc.contains(String.format(Locale.ROOT, "mean %+.2f.", meanValence)), "mean valence " + meanValence);

        long compared = 0;
        long agreed = 0;
        for (String[] r : largest) {
            long ms = Long.parseLong(r[17]);
            Optional<LabelSegment> in = LABELS.stream().filter(s -> s.contains(ms)).findFirst();
            if (in.isPresent()) {
                compared++;
                agreed += in.get().label().label().equals(r[8]) ? 1 : 0;
            }
        }
        assertTrue(compared > 50, "the labels cover frames with faces: " + compared);
        assertTrue(doc.contains("(" + agreed + " of " + compared + ")"), "agreement " + agreed + " of " + compared);

        Matcher images = IMAGE.matcher(doc);
        int thumbnails = 0;
        while (images.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1))));
            assertEquals(340, image.getWidth());
            assertTrue(spread(image) > 20, "a frame of the video, not a blank image");
            thumbnails++;
        }
        assertEquals(4, thumbnails, "highest and lowest valence, one per label segment");
    }

    @Test
    void aDamagedSessionStillGetsAReportThatSaysWhatIsMissing(@TempDir Path tmp) throws IOException {
        Path damaged = copy(analyzed, tmp.resolve("damaged"));
        Files.delete(damaged.resolve("annotated.mp4"));
        String faces = Files.readString(damaged.resolve("faces.csv"));
        Files.writeString(damaged.resolve("faces.csv"), faces.substring(0, faces.length() - 20));
        editJson(damaged.resolve("session.json"), json -> json.put("status", "recording"));

        Path html = tmp.resolve("d.html");
        AnalyzeCommandTest.Run run = cli("review", damaged.toString(), "--report", html.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("interrupted"), run.out());
        assertTrue(run.out().contains("half-written last row"), run.out());
        assertTrue(run.out().contains("No video in this session folder"), run.out());
        assertTrue(run.out().contains("(4 charts, 0 thumbnails)"), run.out());
        String doc = Files.readString(html);
        assertTrue(doc.contains("What this report could not show") && doc.contains("Valence over time"));
    }

    @Test
    void aSessionFromAnOlderVersionIsReportedWithWhatItHas(@TempDir Path tmp) throws IOException {
        Path old = copy(analyzed, tmp.resolve("old"));
        List<String> lines = Files.readAllLines(old.resolve("faces.csv"));
        List<String> cut = new ArrayList<>();
        for (String line : lines) {
            String[] c = line.split(",", -1);
            cut.add(String.join(",", List.of(c).subList(0, 17)));
        }
        Files.write(old.resolve("faces.csv"), cut);
        editJson(old.resolve("session.json"), json -> json.remove("detector"));

        Path html = tmp.resolve("o.html");
        AnalyzeCommandTest.Run run = cli("review", old.toString(), "--report", html.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("older version without session_ms"), run.out());
        String doc = Files.readString(html);
        assertTrue(doc.contains("<td>Face detector</td><td><span class=\"muted\">unknown</span>"), "the detector was not recorded then");
        assertTrue(doc.contains("Valence over time"), "valence is computed from the probabilities");
    }

    @Test
    void privateSessionsGetNoThumbnails(@TempDir Path tmp) throws IOException {
        Path blurred = tmp.resolve("blurred");
        assertEquals(0, cli("analyze", TestFiles.demoClip().toString(), "--out", blurred.toString(), "--video", "--blur-faces", "--no-progress").exit());
        AnalyzeCommandTest.Run run = cli("review", blurred.toString(), "--report", tmp.resolve("b.html").toString());
        assertEquals(0, run.exit(), run.err());
        String doc = Files.readString(tmp.resolve("b.html"));
        assertFalse(doc.contains("<img"), "no face leaves a blurred session through its report");
        assertTrue(doc.contains("Faces are blurred in this session"));

        Path dataOnly = tmp.resolve("data-only");
        assertEquals(0, cli("analyze", TestFiles.demoClip().toString(), "--out", dataOnly.toString(), "--data-only", "--no-progress").exit());
        run = cli("review", dataOnly.toString(), "--report", tmp.resolve("p.html").toString());
        assertEquals(0, run.exit(), run.err());
        doc = Files.readString(tmp.resolve("p.html"));
        assertFalse(doc.contains("<img"));
        assertTrue(doc.contains("Data-only session") && doc.contains("Valence over time"));
    }

    @Test
    void aSessionRecordedWithoutAModelSaysSoAndShowsNoEmotionCharts(@TempDir Path tmp) throws IOException {
        Path folder = LabeledSessions.record(tmp.resolve("detection-only"), ms -> ms < 3000 ? Optional.of(Emotion.SAD) : Optional.empty());
        AnalyzeCommandTest.Run run = cli("review", folder.toString(), "--report", tmp.resolve("n.html").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Note: No probabilities: the session was recorded without a model"), run.out());
        assertTrue(run.out().contains("(0 charts, 0 thumbnails)"), run.out());
        assertTrue(Files.readString(tmp.resolve("n.html")).contains("No predictions to compare"));
    }

    @Test
    void aFolderThatIsNotASessionFailsWithOneLine(@TempDir Path tmp) {
        AnalyzeCommandTest.Run run = cli("review", tmp.toString(), "--report", tmp.resolve("x.html").toString());
        assertEquals(2, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("is not an Emolens session"), run.err());
        assertFalse(Files.exists(tmp.resolve("x.html")));
    }

    /** The largest face's row of each frame, split into columns (the demo clip's rows hold no quoted commas). */
    static List<String[]> largestPerFrame(Path facesCsv) throws IOException {
        Map<String, String[]> byFrame = new LinkedHashMap<>();
        for (String line : Files.readAllLines(facesCsv).subList(1, Files.readAllLines(facesCsv).size())) {
            String[] r = line.split(",", -1);
            byFrame.merge(r[0], r, (a, b) -> area(b) > area(a) ? b : a);
        }
        return new ArrayList<>(byFrame.values());
    }

    private static long area(String[] r) {
        return Long.parseLong(r[6]) * Long.parseLong(r[7]);
    }

    private static double spread(BufferedImage image) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int g = (image.getRGB(x, y) >> 8) & 0xff;
                sum += g;
                squares += g * g;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }

    private static void editJson(Path file, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = (ObjectNode) mapper.readTree(file.toFile());
        edit.accept(json);
        mapper.writeValue(file.toFile(), json);
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
