package io.emolens.preprocess;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.emolens.TestFiles;
import io.emolens.core.FaceBox;
import io.emolens.detect.DetectorConfig;
import io.emolens.detect.HaarFaceDetector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FacePreprocessorTest {
    private final FacePreprocessor tight = new OpenCvFacePreprocessor(0);

    @Test
    void fer2013RowsRenderedAsFramesComeBackPixelExact() throws IOException {
        List<String> rows = Files.readAllLines(TestFiles.resource("fer2013/preprocess_rows.csv"));
        assertEquals(9, rows.size() - 1, "5 Training, 2 PublicTest, 2 PrivateTest rows");
        for (String row : rows.subList(1, rows.size())) {
            byte[] pixels = parse(row.split(",")[1]);
            BufferedImage frame = new BufferedImage(48, 48, BufferedImage.TYPE_3BYTE_BGR);
            byte[] bgr = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < pixels.length; i++) {
                bgr[3 * i] = bgr[3 * i + 1] = bgr[3 * i + 2] = pixels[i];
            }
            byte[] back = tight.crop(frame, new FaceBox(0, 0, 48, 48));
            assertArrayEquals(pixels, back, row.substring(0, 20));
            float[] input = tight.toInput(frame, new FaceBox(0, 0, 48, 48));
            for (int i = 0; i < pixels.length; i++) {
                assertEquals((pixels[i] & 0xFF) / 255f, input[i]);
            }
        }
    }

    @Test
    void cropsAFaceAtTheFrameEdgeWithoutFailing() {
        BufferedImage photo = TestFiles.photo("astronaut.png");
        BufferedImage cut = photo.getSubimage(200, 40, 312, 300);
        BufferedImage edge = new BufferedImage(cut.getWidth(), cut.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        edge.getGraphics().drawImage(cut, 0, 0, null);
        FaceBox beyondLeftEdge = new FaceBox(-22, 29, 92, 92);
        byte[] face = new OpenCvFacePreprocessor(0.2).crop(edge, beyondLeftEdge.clip(edge.getWidth(), edge.getHeight()));
        assertEquals(FaceTensor.PIXELS, face.length);
        int distinct = (int) java.util.stream.IntStream.range(0, face.length).map(i -> face[i] & 0xFF).distinct().count();
        assertTrue(distinct > 50, "a real face crop has many grey levels, got " + distinct);
    }

    @Test
    void aDetectedFaceBecomesA48x48GrayCropOfThatFace() {
        BufferedImage photo = TestFiles.photo("obama.jpg");
        FaceBox box;
        try (HaarFaceDetector detector = new HaarFaceDetector(TestFiles.cascade(), DetectorConfig.DEFAULT)) {
            box = detector.detect(photo).get(0);
        }
        byte[] crop = tight.crop(photo, box);
        BufferedImage reference = new BufferedImage(box.width(), box.height(), BufferedImage.TYPE_BYTE_GRAY);
        reference.getGraphics().drawImage(photo.getSubimage(box.x(), box.y(), box.width(), box.height()), 0, 0, null);
        double mean = 0;
        double refMean = 0;
        byte[] ref = ((DataBufferByte) reference.getRaster().getDataBuffer()).getData();
        for (byte b : crop) {
            mean += b & 0xFF;
        }
        for (byte b : ref) {
            refMean += b & 0xFF;
        }
        mean /= crop.length;
        refMean /= ref.length;
        assertEquals(refMean, mean, 6.0, "the crop keeps the brightness of the face region");
    }

    @Test
    void rejectsWrongInputs() {
        assertThrows(IllegalArgumentException.class, () -> new OpenCvFacePreprocessor(-0.1));
        assertThrows(IllegalArgumentException.class, () -> FaceTensor.normalize(new byte[47 * 48]));
    }

    private static byte[] parse(String pixels) {
        String[] parts = pixels.trim().split(" ");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i]);
        }
        return out;
    }
}
