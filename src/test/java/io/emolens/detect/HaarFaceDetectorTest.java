package io.emolens.detect;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.emolens.TestFiles;
import io.emolens.core.EmolensException;
import io.emolens.core.FaceBox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Face counts on real photos (counted by eye, see src/test/resources/faces/README.txt). Reference boxes come
 * from Debian's OpenCV 4.6 (python3-opencv) running the same cascade with the same settings; the JavaCV
 * OpenCV 4.9 boxes must agree within 10% of the face size in position and 15% in size.
 */
class HaarFaceDetectorTest {
    private static HaarFaceDetector detector;

    @BeforeAll
    static void open() {
        detector = new HaarFaceDetector(TestFiles.cascade(), DetectorConfig.DEFAULT);
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    private static BufferedImage photo(String name) {
        return TestFiles.photo(name);
    }

    @ParameterizedTest(name = "{0}: one face near ({1},{2}) size {3}")
    @CsvSource({
            "astronaut.png, 178, 69, 92",
            "obama.jpg, 357, 102, 276",
            "biden.jpg, 418, 196, 349"})
    void findsTheOneFaceOfAPortrait(String photo, int x, int y, int size) {
        List<FaceBox> faces = detector.detect(photo(photo));
        assertEquals(1, faces.size(), photo + ": " + faces);
        assertNear(new FaceBox(x, y, size, size), faces.get(0));
    }

    @Test
    void findsBothFacesOfTwoPeople() {
        List<FaceBox> faces = detector.detect(photo("two_people.jpg"));
        assertEquals(2, faces.size(), faces.toString());
        List<FaceBox> leftToRight = faces.stream().sorted((a, b) -> Integer.compare(a.x(), b.x())).toList();
        assertNear(new FaceBox(234, 30, 178, 178), leftToRight.get(0));
        assertNear(new FaceBox(786, 58, 183, 183), leftToRight.get(1));
    }

    @Test
    void findsNoFaceInAPhotoWithoutFaces() {
        assertEquals(List.of(), detector.detect(photo("no_face_suit.jpg")));
    }

    @Test
    void mapsBoxesOfA4kFrameBackToFullResolution() {
        BufferedImage small = photo("astronaut.png");
        BufferedImage big = new BufferedImage(3840, 2160, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 1000, 0, 2160, 2160, null);
        g.dispose();
        List<FaceBox> faces = detector.detect(big);
        assertEquals(1, faces.size(), faces.toString());
        double k = 2160 / 512.0;
        assertNear(new FaceBox(1000 + (int) (178 * k), (int) (69 * k), (int) (92 * k), (int) (92 * k)), faces.get(0));
    }

    @Test
    void worksOnTinyAndPortraitFrames() {
        assertEquals(List.of(), detector.detect(new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR)));
        assertEquals(List.of(), detector.detect(YunetFaceDetectorTest.noise(9, 300, 1)));
        assertEquals(List.of(), detector.detect(YunetFaceDetectorTest.noise(32, 24, 2)));
        BufferedImage portrait = new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = portrait.createGraphics();
        g.drawImage(photo("astronaut.png"), 100, 700, 880, 880, null);
        g.dispose();
        List<FaceBox> faces = detector.detect(portrait);
        assertEquals(1, faces.size(), faces.toString());
        double k = 880 / 512.0;
        assertNear(new FaceBox(100 + (int) (178 * k), 700 + (int) (69 * k), (int) (92 * k), (int) (92 * k)), faces.get(0));
    }

    @Test
    void refusesAFileThatIsNotACascade() {
        EmolensException e = assertThrows(EmolensException.class,
                () -> new HaarFaceDetector(TestFiles.resource("faces/README.txt"), DetectorConfig.DEFAULT));
        assertTrue(e.getMessage().contains("README.txt"), e.getMessage());
    }

    @Test
    void rejectsInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> new DetectorConfig(1.0, 5, 40, 640));
        assertThrows(IllegalArgumentException.class, () -> new DetectorConfig(1.1, -1, 40, 640));
        assertThrows(IllegalArgumentException.class, () -> new DetectorConfig(1.1, 5, 4, 640));
    }

    private static void assertNear(FaceBox expected, FaceBox actual) {
        double tolerance = 0.10 * expected.width();
        assertTrue(Math.abs(expected.centerX() - actual.centerX()) <= tolerance
                        && Math.abs(expected.centerY() - actual.centerY()) <= tolerance
                        && Math.abs(expected.width() - actual.width()) <= 0.15 * expected.width(),
                "expected about " + expected + ", got " + actual);
    }
}
