package io.emolens.detect;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.emolens.core.FaceBox;

/** {@link FaceDetector#detectNear} for detectors that run on a crop: each known face's surroundings cut out and searched. */
final class NearSearch {
    private NearSearch() {
    }

    /**
     * @param margin fraction of each known face's size added on every side of its crop
     * @param detect the faces of a crop, in its pixels
     */
    static List<FaceBox> byCrops(BufferedImage image, List<FaceBox> around, double margin, Function<BufferedImage, List<FaceBox>> detect) {
        return byRegions(image.getWidth(), image.getHeight(), around, margin, region -> {
            BufferedImage crop = new BufferedImage(region.width(), region.height(), BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = crop.createGraphics();
            g.drawImage(image.getSubimage(region.x(), region.y(), region.width(), region.height()), 0, 0, null);
            g.dispose();
            return detect.apply(crop);
        });
    }

    /**
     * As {@link #byCrops}, for detectors that search a region of a frame without copying it.
     *
     * @param width  the frame's width
     * @param height the frame's height
     * @param detect the faces of a region of the frame (inside it, never empty), in the region's pixels
     */
    static List<FaceBox> byRegions(int width, int height, List<FaceBox> around, double margin, Function<FaceBox, List<FaceBox>> detect) {
        List<BoxSuppression.Scored> found = new ArrayList<>();
        for (FaceBox face : around) {
            if (!face.overlaps(width, height)) {
                continue;
            }
            FaceBox region = face.expand(margin, width, height);
            int side = Math.max(face.width(), face.height());
            for (FaceBox box : detect.apply(region)) {
                int boxSide = Math.max(box.width(), box.height());
                if (boxSide >= FaceDetector.NEAR_MIN_SCALE * side && boxSide <= FaceDetector.NEAR_MAX_SCALE * side) {
                    found.add(new BoxSuppression.Scored(box.translate(region.x(), region.y()), boxSide));
                }
            }
        }
        return BoxSuppression.FACES.largestFirst(found);
    }
}
