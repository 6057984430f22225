package io.emolens.detect;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.emolens.TestFiles;
import io.emolens.core.EmolensException;
import io.emolens.core.FaceBox;
import io.emolens.core.Landmark;
import io.emolens.core.VideoFrame;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * YuNet on the real photos (face counts checked by eye, src/test/resources/faces/README.txt), frames of any size,
 * and model files that are missing, corrupt or not YuNet.
 */
class YunetFaceDetectorTest {
    private static YunetFaceDetector detector;

    static Path model() {
        return TestFiles.repo().resolve("models/yunet/face_detection_yunet_2023mar.onnx");
    }

    @BeforeAll
    static void open() {
        detector = new YunetFaceDetector(model(), YunetConfig.DEFAULT);
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @ParameterizedTest(name = "{0}: one face near ({1},{2}), {3} px wide")
    @CsvSource({
            "obama.jpg, 373, 88, 239",
            "astronaut.png, 178, 62, 91",
            "camera.png, 195, 113, 62",
            "biden.jpg, 429, 167, 278"})
    void findsExactlyTheOneFaceOfAPhoto(String photo, int x, int y, int width) {
        List<FaceBox> faces = detector.detect(TestFiles.photo(photo));
        assertEquals(1, faces.size(), photo + ": " + faces);
        FaceBox face = faces.get(0);
        assertTrue(Math.abs(face.x() - x) <= 0.1 * width && Math.abs(face.y() - y) <= 0.1 * width
                && Math.abs(face.width() - width) <= 0.15 * width, "expected near (" + x + "," + y + ") " + width + " px, got " + face);
        assertLandmarksInside(face);
    }

    @Test
    void findsBothFacesOfTwoPeople() {
        List<FaceBox> faces = detector.detect(TestFiles.photo("two_people.jpg"));
        assertEquals(2, faces.size(), faces.toString());
        faces.forEach(YunetFaceDetectorTest::assertLandmarksInside);
    }

    @Test
    void findsNoFaceWhereThereIsNone() {
        assertEquals(List.of(), detector.detect(TestFiles.photo("no_face_suit.jpg")));
        assertEquals(List.of(), detector.detect(noise(640, 360, 7)), "random texture");
        BufferedImage curtain = TestFiles.photo("astronaut.png").getSubimage(300, 0, 212, 512);
        BufferedImage copy = new BufferedImage(curtain.getWidth(), curtain.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        copy.getGraphics().drawImage(curtain, 0, 0, null);
        assertEquals(List.of(), detector.detect(copy), "the right part of astronaut.png: flag and shuttle");
    }

    @Test
    void worksOnFramesOfAnySize() {
        assertEquals(List.of(), detector.detect(new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR)));
        assertEquals(List.of(), detector.detect(noise(9, 300, 1)));
        assertEquals(List.of(), detector.detect(noise(32, 24, 2)));
        BufferedImage portrait = new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
        draw(portrait, TestFiles.photo("astronaut.png"), 100, 700, 880);
        List<FaceBox> inPortrait = detector.detect(portrait);
        assertEquals(1, inPortrait.size(), inPortrait.toString());
        assertTrue(inPortrait.get(0).y() > 700 && inPortrait.get(0).x() > 250, inPortrait.toString());
        BufferedImage uhd = new BufferedImage(3840, 2160, BufferedImage.TYPE_3BYTE_BGR);
        draw(uhd, TestFiles.photo("two_people.jpg"), 500, 300, 2800);
        List<FaceBox> in4k = detector.detect(uhd);
        assertEquals(2, in4k.size(), in4k.toString());
        in4k.forEach(f -> assertTrue(f.width() > 300, "mapped back to 4K pixels: " + f));
        YunetConfig fullWidth = new YunetConfig(0.7, 0.3, 0);
        detector.setConfig(fullWidth);
        try {
            assertEquals(1, detector.detect(TestFiles.photo("obama-240p.jpg")).size());
        } finally {
            detector.setConfig(YunetConfig.DEFAULT);
        }
    }

    @Test
    void refusesMissingCorruptAndForeignModelFilesNamingThem(@TempDir Path tmp) throws Exception {
        EmolensException missing = assertThrows(EmolensException.class,
                () -> new YunetFaceDetector(tmp.resolve("absent.onnx"), YunetConfig.DEFAULT));
        assertTrue(missing.getMessage().contains("absent.onnx") && missing.getMessage().contains("not found"), missing.getMessage());
        Path corrupt = Files.write(tmp.resolve("corrupt.onnx"), java.util.Arrays.copyOf(Files.readAllBytes(model()), 5000));
        EmolensException truncated = assertThrows(EmolensException.class, () -> new YunetFaceDetector(corrupt, YunetConfig.DEFAULT));
        assertTrue(truncated.getMessage().contains("corrupt.onnx"), truncated.getMessage());
        Path foreign = Files.write(tmp.resolve("identity.onnx"), OnnxFiles.identityModel());
        EmolensException mismatched = assertThrows(EmolensException.class, () -> new YunetFaceDetector(foreign, YunetConfig.DEFAULT));
        assertTrue(mismatched.getMessage().contains("identity.onnx") && mismatched.getMessage().contains("YuNet"), mismatched.getMessage());
    }

    @Test
    void rejectsInvalidSettingsAndOtherDetectorsSettings() {
        assertThrows(IllegalArgumentException.class, () -> new YunetConfig(0, 0.3, 640));
        assertThrows(IllegalArgumentException.class, () -> new YunetConfig(0.7, 1.0, 640));
        assertThrows(IllegalArgumentException.class, () -> new YunetConfig(0.7, 0.3, 100));
        assertThrows(IllegalArgumentException.class, () -> detector.setConfig(DetectorConfig.DEFAULT));
    }

    /**
     * Following reuses one frame copy and one crop Mat, yet finds exactly what YuNet finds in each face's surroundings cut
     * out as an image of its own (the crop is zero-padded as a separate image, not filled from the frame around it).
     */
    @Test
    void searchingNearKnownFacesFindsWhatSeparateCropsOfTheClipGive() {
        YunetConfig near = new YunetConfig(YunetConfig.DEFAULT.scoreThreshold() * YunetFaceDetector.NEAR_SCORE_FACTOR,
                YunetConfig.DEFAULT.nmsThreshold(), YunetConfig.DEFAULT.detectWidth());
        int compared = 0;
        try (FrameSource source = new DefaultFrameSourceFactory().open(TestFiles.demoClip());
             YunetFaceDetector crops = new YunetFaceDetector(model(), near)) {
            List<FaceBox> around = List.of();
            Optional<VideoFrame> next;
            for (int i = 0; i < 60 && (next = source.next()).isPresent(); i++) {
                BufferedImage frame = next.get().image();
                List<FaceBox> expected = NearSearch.byCrops(frame, around, YunetFaceDetector.NEAR_CROP_MARGIN, crops::detect);
                assertEquals(expected, detector.detectNear(frame, around), "frame " + i + " near " + around);
                compared += expected.size();
                around = detector.detect(frame);
            }
        }
        assertTrue(compared >= 50, "faces compared: " + compared);
    }

    private static void assertLandmarksInside(FaceBox face) {
        assertEquals(5, face.landmarks().size(), "eyes, nose tip, mouth corners");
        for (Landmark p : face.landmarks()) {
            assertTrue(p.x() >= face.x() && p.x() <= face.x() + face.width() && p.y() >= face.y() && p.y() <= face.y() + face.height(),
                    p + " inside " + face);
        }
        Landmark rightEye = face.landmarks().get(0);
        Landmark rightMouth = face.landmarks().get(3);
        assertTrue(rightEye.y() < rightMouth.y(), "eyes above the mouth: " + face.landmarks());
    }

    static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static void draw(BufferedImage target, BufferedImage photo, int x, int y, int width) {
        Graphics2D g = target.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, target.getWidth(), target.getHeight());
        g.drawImage(photo, x, y, width, width * photo.getHeight() / photo.getWidth(), null);
        g.dispose();
    }
}
