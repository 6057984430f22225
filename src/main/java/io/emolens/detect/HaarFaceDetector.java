package io.emolens.detect;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_imgproc.CLAHE;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import io.emolens.core.EmolensException;
import io.emolens.core.FaceBox;
import io.emolens.cv.Mats;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.createCLAHE;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * OpenCV Haar cascade detection on a grayscale copy equalized tile by tile (CLAHE: clip limit 2, 8x8 tiles; a
 * global histogram equalization let bright backgrounds wash out dim faces: recall 0.478 → 0.551 and one false face
 * fewer on the annotated set, docs/BENCHMARKS.md), downscaled to
 * {@link DetectorConfig#detectWidth()} for speed; boxes are mapped back to full resolution. Detections of one
 * face at two scales are merged ({@link BoxSuppression#FACES}, the box with more neighbours wins). Thread-confined,
 * except {@link #setConfig}, which any thread may call.
 */
public final class HaarFaceDetector implements FaceDetector {
    private final CascadeClassifier cascade;
    private final CLAHE equalizer;
    private volatile DetectorConfig config;
    private boolean closed;

    public HaarFaceDetector(Path cascadeFile, DetectorConfig config) {
        if (!Files.isRegularFile(cascadeFile)) {
            throw new EmolensException("Face cascade not found: " + cascadeFile + ". It ships in the haarcascades/ folder of Emolens.");
        }
        CascadeClassifier c = new CascadeClassifier();
        boolean loaded;
        try {
            loaded = c.load(cascadeFile.toString()) && !c.empty();
        } catch (RuntimeException e) {
            loaded = false;
        }
        if (!loaded) {
            c.close();
            throw new EmolensException("Cannot load face cascade " + cascadeFile + ": not an OpenCV cascade XML file.");
        }
        this.cascade = c;
        try (Size tiles = new Size(8, 8)) {
            this.equalizer = createCLAHE(2.0, tiles);
        }
        this.config = config;
    }

    @Override
    public DetectorConfig config() {
        return config;
    }

    /** New settings; IllegalArgumentException for another detector's settings. */
    @Override
    public void setConfig(DetectorSettings config) {
        if (!(config instanceof DetectorConfig haar)) {
            throw new IllegalArgumentException("the Haar detector cannot use " + config.kind().title() + " settings");
        }
        this.config = haar;
    }

    @Override
    public List<FaceBox> detect(BufferedImage image) {
        if (closed) {
            throw new IllegalStateException("detector is closed");
        }
        DetectorConfig config = this.config;
        int width = image.getWidth();
        int height = image.getHeight();
        if (Math.min(width, height) < 12) {
            return List.of();
        }
        double scale = config.detectWidth() > 0 && width > config.detectWidth() ? (double) config.detectWidth() / width : 1.0;
        int minSide = Math.max(12, (int) Math.round(config.minFaceSize() * scale));
        List<BoxSuppression.Scored> boxes = new ArrayList<>();
        try (Mat bgr = Mats.fromImage(image);
             Mat gray = new Mat();
             Mat small = new Mat();
             RectVector found = new RectVector();
             IntPointer neighbours = new IntPointer();
             Size minSize = new Size(minSide, minSide);
             Size maxSize = new Size()) {
            if (bgr.channels() == 3) {
                cvtColor(bgr, gray, COLOR_BGR2GRAY);
            } else {
                bgr.copyTo(gray);
            }
            Mat input = gray;
            if (scale < 1.0) {
                try (Size target = new Size((int) Math.round(width * scale), (int) Math.round(height * scale))) {
                    resize(gray, small, target, 0, 0, INTER_AREA);
                }
                input = small;
            }
            equalizer.apply(input, input);
            cascade.detectMultiScale2(input, found, neighbours, config.scaleFactor(), config.minNeighbors(), 0, minSize, maxSize);
            for (int i = 0; i < found.size(); i++) {
                try (Rect r = found.get(i)) {
                    FaceBox box = new FaceBox(r.x(), r.y(), r.width(), r.height());
                    boxes.add(new BoxSuppression.Scored((scale < 1.0 ? box.scale(1.0 / scale) : box).clip(width, height),
                            i < neighbours.limit() ? neighbours.get(i) : 0));
                }
            }
        }
        List<FaceBox> faces = new ArrayList<>(BoxSuppression.FACES.apply(boxes));
        faces.sort(Comparator.comparingInt(FaceBox::area).reversed());
        return faces;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cascade.close();
            equalizer.close();
        }
    }
}
