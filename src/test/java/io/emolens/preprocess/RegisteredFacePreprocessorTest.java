package io.emolens.preprocess;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.emolens.TestFiles;
import io.emolens.bench.Fer2013Registration;
import io.emolens.core.FaceBox;
import io.emolens.core.Landmark;
import io.emolens.detect.YunetConfig;
import io.emolens.detect.YunetFaceDetector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The crop puts real faces where FER2013 has them: YuNet, run again on the 48x48 crop (enlarged as {@code bench
 * registration} enlarges FER2013's faces), finds the eyes at FER2013's place; a tilted head gives the crop of the upright
 * one; a face at the frame's edge is padded with the edge, not moved.
 */
class RegisteredFacePreprocessorTest {
    private static final RegisteredFacePreprocessor CROP = RegisteredFacePreprocessor.fer2013();
    private static YunetFaceDetector yunet;

    @BeforeAll
    static void open() {
        yunet = new YunetFaceDetector(TestFiles.repo().resolve("models/yunet/face_detection_yunet_2023mar.onnx"), YunetConfig.DEFAULT);
    }

    @AfterAll
    static void close() {
        yunet.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"obama.jpg", "two_people.jpg", "astronaut.png"})
    void theEyesYunetFoundLandWithinAPixelOfFer2013sPlace(String photo) {
        BufferedImage image = TestFiles.photo(photo);
        List<FaceBox> faces = yunet.detect(image);
        assertTrue(!faces.isEmpty(), photo);
        for (FaceBox face : faces) {
            Landmark right = face.landmarks().get(0);
            Landmark left = face.landmarks().get(1);
            BufferedImage dots = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = dots.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            double r = 0.08 * Math.hypot(left.x() - right.x(), left.y() - right.y());
            for (Landmark eye : List.of(right, left)) {
                g.fill(new java.awt.geom.Ellipse2D.Double(eye.x() + 0.5 - r, eye.y() + 0.5 - r, 2 * r, 2 * r));
            }
            g.dispose();
            byte[] crop = RegisteredFacePreprocessor.crop(dots, CROP.square(face));
            double[] a = centroid(crop, 0, 24);
            double[] b = centroid(crop, 24, 48);
            double half = CropGeometry.YUNET.eyeDistance() * 48 / 2;
            String where = photo + " " + face;
            assertEquals(24 - half, a[0], 1, where + ": right eye x");
            assertEquals(24 + half, b[0], 1, where + ": left eye x");
            assertEquals(CropGeometry.YUNET.eyeY() * 48, a[1], 1, where + ": right eye y");
            assertEquals(CropGeometry.YUNET.eyeY() * 48, b[1], 1, where + ": left eye y");
        }
    }

    /** Brightness centroid of the crop's columns {@code [x0, x1)}, in pixel-edge coordinates. */
    private static double[] centroid(byte[] crop, int x0, int x1) {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = x0; x < x1; x++) {
                double v = crop[y * 48 + x] & 0xFF;
                sum += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        return new double[] {sx / sum, sy / sum};
    }

    @ParameterizedTest
    @ValueSource(strings = {"obama.jpg", "two_people.jpg", "astronaut.png"})
    void yunetRunAgainOnTheCropFindsTheEyesNearFer2013sPlace(String photo) {
        BufferedImage image = TestFiles.photo(photo);
        for (FaceBox face : yunet.detect(image)) {
            byte[] crop = CROP.crop(image, face);
            FaceBox again = yunet.detect(Fer2013Registration.enlarged(crop)).get(0);
            Landmark right = again.landmarks().get(0);
            Landmark left = again.landmarks().get(1);
            double mx = ((right.x() + left.x()) / 2) / Fer2013Registration.UPSCALE - Fer2013Registration.PAD;
            double my = ((right.y() + left.y()) / 2) / Fer2013Registration.UPSCALE - Fer2013Registration.PAD;
            double distance = Math.hypot(left.x() - right.x(), left.y() - right.y()) / Fer2013Registration.UPSCALE;
            assertEquals(24.0, mx, 2.5, photo + " " + face + ": eye midpoint x in the crop");
            assertEquals(CropGeometry.YUNET.eyeY() * 48, my, 2.5, photo + " " + face + ": eye midpoint y in the crop");
            assertEquals(CropGeometry.YUNET.eyeDistance() * 48, distance, 2.5, photo + " " + face + ": eye distance in the crop");
        }
    }

    @Test
    void aHeadTiltedBy15DegreesGivesTheCropOfTheUprightHead() {
        BufferedImage upright = TestFiles.photo("obama.jpg");
        byte[] straight = CROP.crop(upright, yunet.detect(upright).get(0));
        BufferedImage tilted = rotated(upright, Math.toRadians(15));
        FaceBox tiltedFace = yunet.detect(tilted).get(0);
        byte[] levelled = CROP.crop(tilted, tiltedFace);
        RegisteredFacePreprocessor.Square square = CROP.square(tiltedFace);
        assertEquals(15, Math.toDegrees(square.angle()), 3, "the eyes' tilt (clockwise on screen)");
        byte[] notLevelled = RegisteredFacePreprocessor.crop(tilted, new RegisteredFacePreprocessor.Square(square.centerX(),
                square.centerY(), square.side(), 0));
        double aligned = meanAbsoluteDifference(straight, levelled);
        double unaligned = meanAbsoluteDifference(straight, notLevelled);
        assertTrue(aligned < 12, "the levelled crop of the tilted head differs from the upright one by " + aligned + " grey levels on average");
        assertTrue(aligned < unaligned / 2, "levelling halves the difference at least: " + aligned + " vs " + unaligned + " without");
    }

    @Test
    void aCropLeavingTheFrameIsPaddedWithTheEdgeNotShifted() {
        BufferedImage photo = TestFiles.photo("astronaut.png");
        FaceBox face = new FaceBox(160, 40, 150, 150);
        BufferedImage cut = copy(photo.getSubimage(200, 0, 312, 512));
        FaceBox atEdge = new FaceBox(face.x() - 200, face.y(), face.width(), face.height());
        byte[] padded = CROP.crop(cut, atEdge);
        BufferedImage replicated = replicateLeft(cut, 100);
        byte[] reference = CROP.crop(replicated, atEdge.translate(100, 0));
        assertTrue(meanAbsoluteDifference(padded, reference) < 0.5, "the crop at the edge equals the crop of the frame padded with its edge");
        byte[] inside = CROP.crop(photo, face);
        assertTrue(meanAbsoluteDifference(padded, inside) > 3, "the padded crop is not the face moved back inside the frame");
    }

    private static BufferedImage rotated(BufferedImage image, double angle) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, AffineTransform.getRotateInstance(angle, image.getWidth() / 2.0, image.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        out.getGraphics().drawImage(image, 0, 0, null);
        return out;
    }

    /** {@code image} with {@code n} columns added on the left, each a copy of its first column. */
    private static BufferedImage replicateLeft(BufferedImage image, int n) {
        BufferedImage out = new BufferedImage(image.getWidth() + n, image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < image.getHeight(); y++) {
            int edge = image.getRGB(0, y);
            for (int x = 0; x < n; x++) {
                out.setRGB(x, y, edge);
            }
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(x + n, y, image.getRGB(x, y));
            }
        }
        return out;
    }

    private static double meanAbsoluteDifference(byte[] a, byte[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return sum / a.length;
    }
}
