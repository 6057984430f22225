package io.emolens.preprocess;

/**
 * Where a face sits in the classifier's square input, the way FER2013 frames its faces, as measured by running each
 * detector on FER2013's own faces ({@code bench registration}; numbers and method in docs/MODEL.md).
 *
 * @param boxSide      crop side as a multiple of the detector box's reference side (Haar: its width; YuNet: its height)
 * @param boxDx        crop centre minus box centre, horizontally, in reference sides
 * @param boxDy        crop centre minus box centre, vertically, in reference sides
 * @param eyeY         with eye landmarks: the eyes' midpoint height as a fraction of the crop side from its top
 * @param eyeDistance  with eye landmarks: the distance between the eyes as a fraction of the crop side
 * @param byEyes       with eye landmarks: scale and place the crop by the eyes (else by the box, only levelled by the eyes)
 */
public record CropGeometry(double boxSide, double boxDx, double boxDy, double eyeY, double eyeDistance, boolean byEyes) {

    /**
     * Haar boxes: FER2013's crop is the box itself (side 1.027 box widths, centre 0.0125 widths lower), measured with
     * {@code bench registration --data fer2013.csv --detector haar} on 2,000 Training faces (1,437 found).
     */
    public static final CropGeometry HAAR = new CropGeometry(1.0267, 0, 0.0125, 0.38, 0.38, false);
    /**
     * YuNet boxes and landmarks: FER2013's crop is a square of 0.96 box heights on the box's centre, the eyes' midpoint at
     * 0.391 of the side from the top and the eyes 0.370 of the side apart, measured with
     * {@code bench registration --data fer2013.csv --detector yunet} on 2,000 Training faces (1,882 found).
     */
    public static final CropGeometry YUNET = new CropGeometry(0.96, 0, 0, 0.3908, 0.37, true);

    /** The same framing with a crop {@code factor} times as large (eyes closer together in it). */
    public CropGeometry scaled(double factor) {
        return new CropGeometry(boxSide * factor, boxDx, boxDy, 0.5 - (0.5 - eyeY) / factor, eyeDistance / factor, byEyes);
    }

    /** The same framing placed by the box or by the eyes. */
    public CropGeometry placedByEyes(boolean eyes) {
        return new CropGeometry(boxSide, boxDx, boxDy, eyeY, eyeDistance, eyes);
    }

    public CropGeometry {
        if (!(boxSide > 0.2 && boxSide < 5)) {
            throw new IllegalArgumentException("crop side must be within 0.2..5 box sides, was " + boxSide);
        }
        if (!(Math.abs(boxDx) < 1 && Math.abs(boxDy) < 1)) {
            throw new IllegalArgumentException("crop offsets must be within one box side, were " + boxDx + ", " + boxDy);
        }
        if (!(eyeY > 0 && eyeY < 1 && eyeDistance > 0 && eyeDistance < 1)) {
            throw new IllegalArgumentException("eye position and distance must be fractions of the crop, were " + eyeY + ", " + eyeDistance);
        }
    }
}
