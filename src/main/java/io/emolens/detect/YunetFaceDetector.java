package io.emolens.detect;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.FaceDetectorYN;

import io.emolens.core.EmolensException;
import io.emolens.core.FaceBox;
import io.emolens.core.Landmark;
import io.emolens.cv.Mats;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * YuNet, OpenCV's CNN face detector ({@code FaceDetectorYN}, an ONNX model), on a BGR copy downscaled to
 * {@link YunetConfig#detectWidth()}; boxes and their five landmarks are mapped back to full resolution. It finds
 * turned, laughing and small faces that Haar cascades miss. The model is checked when loaded (a probe detection),
 * so a wrong file fails here, naming it, and not on the first frame. Thread-confined, except {@link #setConfig}.
 */
public final class YunetFaceDetector implements FaceDetector {
    /** Values per detection row: box x, y, w, h; five landmarks as x, y; score. */
    private static final int ROW = 15;
    /** Smallest frame side worth running the network on; YuNet finds nothing below ~10 px. */
    private static final int MIN_SIDE = 10;
    static final double NEAR_CROP_MARGIN = 1.0;
    static final double NEAR_SCORE_FACTOR = 0.85;
    private final FaceDetectorYN net;
    /** The frame and its converted, downscaled and output Mats, kept between calls to reuse their native buffers. */
    private final Mat frame = new Mat();
    private final Mat bgr = new Mat();
    private final Mat small = new Mat();
    private final Mat out = new Mat();
    private final Mat crop = new Mat();
    private volatile YunetConfig config;
    private int inputWidth = -1;
    private int inputHeight = -1;
    private boolean closed;

    public YunetFaceDetector(Path modelFile, YunetConfig config) {
        if (!Files.isRegularFile(modelFile)) {
            throw new EmolensException("YuNet face model not found: " + modelFile + ". It ships in the models/yunet/ folder of Emolens.");
        }
        FaceDetectorYN loaded;
        try (Size size = new Size(64, 64)) {
            loaded = FaceDetectorYN.create(modelFile.toString(), "", size, (float) config.scoreThreshold(),
                    (float) config.nmsThreshold(), 5000, 0, 0);
        } catch (RuntimeException e) {
            throw new EmolensException("Cannot load YuNet face model " + modelFile + ": not a readable ONNX model ("
                    + firstLine(e) + ").", e);
        }
        if (loaded == null || loaded.isNull()) {
            throw new EmolensException("Cannot load YuNet face model " + modelFile + ": OpenCV returned no detector.");
        }
        try (Mat probe = new Mat(64, 64, CV_8UC3, Scalar.all(0)); Mat out = new Mat()) {
            loaded.detect(probe, out);
            if (!out.empty() && (out.cols() != ROW || out.type() != CV_32F)) {
                throw new IllegalStateException("its output has " + out.cols() + " values per face, YuNet gives " + ROW);
            }
        } catch (RuntimeException e) {
            loaded.close();
            throw new EmolensException("Cannot use " + modelFile + " as the YuNet face model: " + firstLine(e)
                    + ". Expected face_detection_yunet_2023mar.onnx from OpenCV's model zoo.", e);
        }
        this.net = loaded;
        this.inputWidth = 64;
        this.inputHeight = 64;
        this.config = config;
    }

    @Override
    public YunetConfig config() {
        return config;
    }

    /** New settings; IllegalArgumentException for another detector's settings. */
    @Override
    public void setConfig(DetectorSettings config) {
        if (!(config instanceof YunetConfig yunet)) {
            throw new IllegalArgumentException("the YuNet detector cannot use " + config.kind().title() + " settings");
        }
        this.config = yunet;
    }

    @Override
    public List<FaceBox> detect(BufferedImage image) {
        checkOpen();
        if (Math.min(image.getWidth(), image.getHeight()) < MIN_SIDE) {
            return List.of();
        }
        return detect(Mats.copyInto(image, frame), config);
    }

    /**
     * Crops around each known face, its size again on every side (with half that, YuNet lost the demo clip's dim
     * audience faces), keeping faces from {@value #NEAR_SCORE_FACTOR} times the score threshold: a face seen a moment
     * ago is likely still there. Followed with scans every 3rd frame, short_hamilton_clip.mp4 then keeps the recall and
     * precision of whole-frame detection (0.936 / 1.000; 0.915 / 1.000 at the plain threshold, 0.957 / 0.978 at 0.7x).
     * The frame is copied once and each crop from that copy into one reused Mat: a crop must not be a view into the frame,
     * because YuNet pads its input to a multiple of 32 with {@code copyMakeBorder}, which fills the padding of a view
     * with the frame's pixels around it instead of zeros (that found other faces: 7653 instead of 7320 rows on a clip).
     */
    @Override
    public List<FaceBox> detectNear(BufferedImage image, List<FaceBox> around) {
        checkOpen();
        YunetConfig config = this.config;
        YunetConfig near = new YunetConfig(config.scoreThreshold() * NEAR_SCORE_FACTOR, config.nmsThreshold(), config.detectWidth());
        if (around.stream().noneMatch(face -> face.overlaps(image.getWidth(), image.getHeight()))) {
            return List.of();
        }
        Mats.copyInto(image, frame);
        return NearSearch.byRegions(image.getWidth(), image.getHeight(), around, NEAR_CROP_MARGIN, region -> {
            if (Math.min(region.width(), region.height()) < MIN_SIDE) {
                return List.of();
            }
            try (Rect rect = new Rect(region.x(), region.y(), region.width(), region.height()); Mat part = new Mat(frame, rect)) {
                part.copyTo(crop);
            }
            return detect(crop, near);
        });
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("detector is closed");
        }
    }

    /** The faces in {@code image} (a frame or a region of one), in its pixels. */
    private List<FaceBox> detect(Mat image, YunetConfig config) {
        int width = image.cols();
        int height = image.rows();
        double scale = config.detectWidth() > 0 && width > config.detectWidth() ? (double) config.detectWidth() / width : 1.0;
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        List<BoxSuppression.Scored> found = new ArrayList<>();
        Mat input = image;
        if (image.channels() == 1) {
            cvtColor(image, bgr, COLOR_GRAY2BGR);
            input = bgr;
        }
        if (scale < 1.0) {
            try (Size target = new Size(w, h)) {
                resize(input, small, target, 0, 0, INTER_AREA);
            }
            input = small;
        }
        if (w != inputWidth || h != inputHeight) {
            try (Size size = new Size(w, h)) {
                net.setInputSize(size);
            }
            inputWidth = w;
            inputHeight = h;
        }
        net.setScoreThreshold((float) config.scoreThreshold());
        net.setNMSThreshold((float) config.nmsThreshold());
        net.detect(input, out);
        if (!out.empty()) {
            readRows(out, 1.0 / scale, width, height, found);
        }
        return BoxSuppression.FACES.largestFirst(found);
    }

    private static void readRows(Mat out, double back, int width, int height, List<BoxSuppression.Scored> found) {
        float[] row = new float[ROW];
        FloatBuffer data = out.createBuffer();
        for (int r = 0; r < out.rows(); r++) {
            data.position(r * ROW);
            data.get(row);
            int x0 = (int) Math.floor(row[0] * back);
            int y0 = (int) Math.floor(row[1] * back);
            int x1 = (int) Math.ceil((row[0] + row[2]) * back);
            int y1 = (int) Math.ceil((row[1] + row[3]) * back);
            if (x1 <= Math.max(0, x0) || y1 <= Math.max(0, y0) || x0 >= width || y0 >= height) {
                continue;
            }
            List<Landmark> points = new ArrayList<>(5);
            for (int p = 0; p < 5; p++) {
                points.add(new Landmark(row[4 + 2 * p] * back, row[5 + 2 * p] * back));
            }
            found.add(new BoxSuppression.Scored(new FaceBox(x0, y0, x1 - x0, y1 - y0, points).clip(width, height), row[14]));
        }
    }

    private static String firstLine(RuntimeException e) {
        String m = String.valueOf(e.getMessage()).strip();
        int cut = m.indexOf('\n');
        return cut < 0 ? m : m.substring(0, cut);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            net.close();
            frame.close();
            bgr.close();
            small.close();
            out.close();
            crop.close();
        }
    }
}
