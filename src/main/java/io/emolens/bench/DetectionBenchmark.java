package io.emolens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.emolens.core.EmolensException;
import io.emolens.core.FaceBox;
import io.emolens.core.VideoFrame;
import io.emolens.detect.BoxSuppression;
import io.emolens.detect.FaceDetector;
import io.emolens.detect.VideoFaceSearch;
import io.emolens.eval.DetectionScore;
import io.emolens.eval.FaceAnnotations;
import io.emolens.pipeline.ScanSchedule;
import io.emolens.source.FrameSource;
import io.emolens.source.FrameSourceFactory;

/**
 * Runs a face detector over every frame of the files of an annotated set ({@link FaceAnnotations}) and scores the
 * annotated frames (recall and precision at an IoU threshold); over all frames it also counts the frames with a face
 * and the frames with a duplicate box (two boxes that {@link BoxSuppression#FACES} calls one face).
 */
public final class DetectionBenchmark {

    /**
     * @param file            the file, as the set names it
     * @param annotatedFrames frames scored
     * @param score           counts on the annotated frames
     * @param frames          frames in the file
     * @param framesWithFaces frames with at least one box
     * @param duplicateFrames frames with two boxes of one face
     * @param msPerFrame      mean detection time per frame
     */
    public record FileResult(String file, int annotatedFrames, DetectionScore score, long frames, long framesWithFaces,
                             long duplicateFrames, double msPerFrame) {
    }

    /** One detection of a frame, for {@code --detections} and for proposing annotations. */
    public record Detection(String file, long frame, FaceBox box) {
    }

    public record Result(List<FileResult> files, List<Detection> detections) {

        public DetectionScore total() {
            return files.stream().map(FileResult::score).reduce(DetectionScore.ZERO, DetectionScore::plus);
        }
    }

    public Result run(FaceAnnotations set, FaceDetector detector, FrameSourceFactory sources, double iouThreshold) {
        return run(set, detector, sources, iouThreshold, 1);
    }

    /**
     * @param scanEvery 1: every frame scanned whole; N &gt; 1: a video's frames followed as {@code analyze} does
     *                  ({@link VideoFaceSearch}), frames scanned whole as {@link ScanSchedule} says: the first, each
     *                  cut and every N-th after either. With N a divisor of the spacing of the annotated frames, they are scanned
     *                  more often than the rest until the first cut.
     */
    public Result run(FaceAnnotations set, FaceDetector detector, FrameSourceFactory sources, double iouThreshold, int scanEvery) {
        List<FileResult> results = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        for (String file : set.files()) {
            Map<Integer, List<FaceAnnotations.Truth>> truth = new java.util.HashMap<>();
            set.frames().forEach((frame, boxes) -> {
                if (frame.file().equals(file)) {
                    truth.put(frame.index(), boxes);
                }
            });
            DetectionScore score = DetectionScore.ZERO;
            long frames = 0;
            long withFaces = 0;
            long duplicates = 0;
            double ms = 0;
            VideoFaceSearch search = new VideoFaceSearch(detector, VideoFaceSearch.KEEP_MISSED);
            ScanSchedule schedule = new ScanSchedule(scanEvery);
            try (FrameSource source = sources.open(set.resolve(file))) {
                Optional<VideoFrame> next;
                while ((next = source.next()).isPresent()) {
                    long t0 = System.nanoTime();
                    java.awt.image.BufferedImage image = next.get().image();
                    ScanSchedule.Step step = schedule.next(next.get());
                    if (step.cut()) {
                        search.reset();
                    }
                    List<FaceBox> boxes = scanEvery == 1 ? detector.detect(image)
                            : step.scan() ? search.scanned(image, detector.detect(image)) : search.search(image, List.of());
                    ms += (System.nanoTime() - t0) / 1e6;
                    List<FaceAnnotations.Truth> expected = truth.get((int) frames);
                    if (expected != null) {
                        score = score.plus(DetectionScore.of(expected, boxes, iouThreshold));
                    }
                    withFaces += boxes.isEmpty() ? 0 : 1;
                    duplicates += hasDuplicate(boxes) ? 1 : 0;
                    for (FaceBox b : boxes) {
                        detections.add(new Detection(file, frames, b));
                    }
                    frames++;
                }
            }
            long decoded = frames;
            truth.keySet().stream().filter(i -> i >= decoded).findFirst().ifPresent(i -> {
                throw new EmolensException(set.resolve(file) + " has " + decoded + " frames; the annotations name frame " + i + ".");
            });
            results.add(new FileResult(file, truth.size(), score, frames, withFaces, duplicates, ms / Math.max(1, frames)));
        }
        return new Result(results, detections);
    }

    /** Whether two of the boxes are one face by {@link BoxSuppression#FACES}. */
    public static boolean hasDuplicate(List<FaceBox> boxes) {
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                if (BoxSuppression.FACES.sameFace(boxes.get(i), boxes.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }
}
