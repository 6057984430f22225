package io.emolens.bench;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.emolens.core.FaceBox;
import io.emolens.core.Landmark;
import io.emolens.data.LabeledFace;
import io.emolens.detect.FaceDetector;
import io.emolens.preprocess.CropGeometry;
import io.emolens.preprocess.FaceTensor;

/**
 * Measures how FER2013 frames its faces, in a detector's own terms: each 48x48 face is padded with its replicated
 * border (so a box may reach past the crop), enlarged {@value #UPSCALE}x, and given to the detector; the largest box
 * (and, for YuNet, the eye landmarks) is mapped back into the 48x48 frame. The medians over the faces found give the
 * {@link CropGeometry} that puts the app's detections where FER2013 has its faces.
 */
public final class Fer2013Registration {
    /** How much each FER2013 face is enlarged before detection. */
    public static final int UPSCALE = 4;
    /** Replicated border added on each side of a 48x48 face before enlarging. */
    public static final int PAD = 12;
    private static final int S = FaceTensor.SIZE;

    /**
     * The medians, in 48x48 FER2013 pixels.
     *
     * @param faces       faces given
     * @param found       faces the detector found
     * @param withEyes    faces found with eye landmarks
     * @param centerX     box centre
     * @param centerY     box centre
     * @param width       box width
     * @param height      box height
     * @param eyeX        eye midpoint (NaN without landmarks)
     * @param eyeY        eye midpoint
     * @param eyeDistance distance between the eyes
     * @param geometry    the crop geometry these give (box reference side: the width without landmarks, the height with them)
     */
    public record Result(int faces, int found, int withEyes, double centerX, double centerY, double width, double height,
                         double eyeX, double eyeY, double eyeDistance, CropGeometry geometry) {

        public String format() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d of %d FER2013 faces found; medians in the 48x48 frame:%n", found, faces));
            sb.append(String.format(Locale.ROOT, "  box: centre (%.2f, %.2f), %.2f x %.2f%n", centerX, centerY, width, height));
            if (withEyes > 0) {
                sb.append(String.format(Locale.ROOT, "  eyes (%d faces): midpoint (%.2f, %.2f), distance %.2f%n", withEyes, eyeX, eyeY, eyeDistance));
            }
            sb.append(String.format(Locale.ROOT, "  crop geometry: side %.4f x box %s, centre offset (%.4f, %.4f) box sides, eyes at %.4f of the side, %.4f apart%n",
                    geometry.boxSide(), withEyes > 0 ? "height" : "width", geometry.boxDx(), geometry.boxDy(), geometry.eyeY(), geometry.eyeDistance()));
            return sb.toString();
        }
    }

    public Result measure(List<LabeledFace> faces, FaceDetector detector) {
        List<double[]> boxes = new ArrayList<>();
        List<double[]> eyes = new ArrayList<>();
        for (LabeledFace face : faces) {
            List<FaceBox> found = detector.detect(enlarged(face.pixels()));
            if (found.isEmpty()) {
                continue;
            }
            FaceBox b = found.get(0);
            double cx = b.centerX() / UPSCALE - PAD;
            double cy = b.centerY() / UPSCALE - PAD;
            double w = (double) b.width() / UPSCALE;
            double h = (double) b.height() / UPSCALE;
            boxes.add(new double[] {cx, cy, w, h});
            if (b.landmarks().size() >= 2) {
                Landmark r = b.landmarks().get(0);
                Landmark l = b.landmarks().get(1);
                double ex = (r.x() + l.x()) / 2 / UPSCALE - PAD;
                double ey = (r.y() + l.y()) / 2 / UPSCALE - PAD;
                eyes.add(new double[] {ex, ey, Math.hypot(l.x() - r.x(), l.y() - r.y()) / UPSCALE});
            }
        }
        if (boxes.isEmpty()) {
            throw new io.emolens.core.EmolensException("the detector found no face in any of the " + faces.size() + " FER2013 faces");
        }
        boolean landmarks = eyes.size() * 2 >= boxes.size();
        double cx = median(boxes, 0);
        double cy = median(boxes, 1);
        double w = median(boxes, 2);
        double h = median(boxes, 3);
        List<double[]> ratios = new ArrayList<>();
        for (double[] b : boxes) {
            double r = landmarks ? b[3] : b[2];
            ratios.add(new double[] {S / r, (S / 2.0 - b[0]) / r, (S / 2.0 - b[1]) / r});
        }
        double ex = landmarks ? median(eyes, 0) : Double.NaN;
        double ey = landmarks ? median(eyes, 1) : Double.NaN;
        double ed = landmarks ? median(eyes, 2) : Double.NaN;
        CropGeometry g = new CropGeometry(median(ratios, 0), median(ratios, 1), median(ratios, 2),
                landmarks ? ey / S : 0.38, landmarks ? ed / S : 0.38, landmarks);
        return new Result(faces.size(), boxes.size(), eyes.size(), cx, cy, w, h, ex, ey, ed, g);
    }

    /** The face padded by {@value #PAD} replicated pixels on each side and enlarged {@value #UPSCALE}x (bicubic), as BGR. */
    public static BufferedImage enlarged(byte[] pixels) {
        int side = S + 2 * PAD;
        BufferedImage padded = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) padded.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < side; y++) {
            int sy = Math.max(0, Math.min(S - 1, y - PAD));
            for (int x = 0; x < side; x++) {
                int sx = Math.max(0, Math.min(S - 1, x - PAD));
                out[y * side + x] = pixels[sy * S + sx];
            }
        }
        BufferedImage big = new BufferedImage(side * UPSCALE, side * UPSCALE, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(padded, 0, 0, side * UPSCALE, side * UPSCALE, null);
        g.dispose();
        return big;
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
