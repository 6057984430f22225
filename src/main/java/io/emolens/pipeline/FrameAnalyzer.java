package io.emolens.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.emolens.classify.EmotionClassifier;
import io.emolens.core.EmotionScores;
import io.emolens.core.FaceBox;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.FaceDetector;
import io.emolens.detect.VideoFaceSearch;
import io.emolens.preprocess.FacePreprocessor;
import io.emolens.track.FaceTracker;
import io.emolens.track.TrackerConfig;

/**
 * Runs the stages on one frame: detect → track ids → preprocess and classify the faces that are due (one
 * batch) → smooth. Works without a classifier (detection only). In video, {@link #follow} finds faces near the known
 * ones ({@link VideoFaceSearch}) while whole-frame scans for new faces run elsewhere: {@link #scan} on another thread
 * with a second detector (live), or every few frames on worker threads (offline, {@link #followFaces}).
 * Thread-confined, except {@link #scan} (one scanning thread); owns its detectors and the classifier it holds and
 * closes them.
 */
public final class FrameAnalyzer implements AutoCloseable {
    private final FaceDetector detector;
    private final FaceDetector scanDetector;
    private final VideoFaceSearch search;
    private final AtomicReference<List<FaceBox>> hints = new AtomicReference<>(List.of());
    private final FacePreprocessor preprocessor;
    private final FaceTracker tracker;
    private final ClassifyPolicy policy;
    private final Map<Integer, Long> lastClassifiedMs = new HashMap<>();
    private volatile EmotionClassifier classifier;
    private volatile String classifierProblem;

    public FrameAnalyzer(FaceDetector detector, FacePreprocessor preprocessor, EmotionClassifier classifier,
                         TrackerConfig trackerConfig, ClassifyPolicy policy) {
        this(detector, null, preprocessor, classifier, trackerConfig, policy);
    }

    /**
     * @param scanDetector a second detector of the same settings for {@link #scan} on another thread; null: {@link
     *                     #follow} scans every frame whole
     */
    public FrameAnalyzer(FaceDetector detector, FaceDetector scanDetector, FacePreprocessor preprocessor, EmotionClassifier classifier,
                         TrackerConfig trackerConfig, ClassifyPolicy policy) {
        this.detector = detector;
        this.scanDetector = scanDetector;
        this.search = new VideoFaceSearch(detector, VideoFaceSearch.KEEP_MISSED);
        this.preprocessor = preprocessor;
        this.classifier = classifier;
        this.tracker = new FaceTracker(trackerConfig);
        this.policy = policy;
    }

    /**
     * Swaps the classifier (null = detection only) and returns the previous one, which the caller now owns. The
     * faces keep their ids but lose the old model's probabilities, so no label outlives the model that gave it.
     */
    public EmotionClassifier setClassifier(EmotionClassifier classifier) {
        EmotionClassifier old = this.classifier;
        this.classifier = classifier;
        if (classifier != null) {
            classifierProblem = null;
        }
        if (old != classifier) {
            tracker.clearScores();
            lastClassifiedMs.clear();
        }
        return old;
    }

    /** The preprocessor that prepares this analyzer's classifier input (recorders save crops with it). */
    public FacePreprocessor preprocessor() {
        return preprocessor;
    }

    public Optional<EmotionClassifier> classifier() {
        return Optional.ofNullable(classifier);
    }

    /** Analyzes a frame scanned whole (a still, or every frame of a video when there is no scanning thread). */
    public AnalyzedFrame analyze(VideoFrame frame) {
        long t0 = System.nanoTime();
        List<FaceBox> boxes = detector.detect(frame.image());
        search.reset();
        hints.set(List.of());
        return analyzeFound(frame, boxes, t0);
    }

    /**
     * Analyzes the next frame of a video: faces searched near the known ones and near the newest {@link #scan}'s
     * (each scan's faces are used once); without a scan detector the same as {@link #analyze}.
     */
    public AnalyzedFrame follow(VideoFrame frame) {
        if (scanDetector == null) {
            return analyze(frame);
        }
        long t0 = System.nanoTime();
        List<FaceBox> boxes = search.search(frame.image(), hints.getAndSet(List.of()));
        return analyzeFound(frame, boxes, t0);
    }

    /** Whether {@link #scan} can run on another thread (a scan detector was given). */
    public boolean scans() {
        return scanDetector != null;
    }

    /**
     * Scans a whole frame for faces with the scan detector, on the one scanning thread; {@link #follow} then searches
     * near what it found. Returns the faces found.
     */
    public List<FaceBox> scan(VideoFrame frame) {
        if (scanDetector == null) {
            throw new IllegalStateException("this analyzer has no scan detector");
        }
        List<FaceBox> found = scanDetector.detect(frame.image());
        hints.set(found);
        return found;
    }

    /**
     * The faces of the next frame of a video analyzed in order (offline): {@code scan} is what a whole-frame scan of
     * this very frame found, or null when it was not scanned; known faces are then searched for near where they were.
     */
    public List<FaceBox> followFaces(VideoFrame frame, List<FaceBox> scan) {
        return scan != null ? search.scanned(frame.image(), scan) : search.search(frame.image(), List.of());
    }

    private AnalyzedFrame analyzeFound(VideoFrame frame, List<FaceBox> boxes, long t0) {
        DetectorSettings settings = detector.config();
        long t1 = System.nanoTime();
        List<Integer> ids = tracker.assign(boxes);
        lastClassifiedMs.keySet().retainAll(ids);
        EmotionClassifier model = classifier;
        Map<Integer, EmotionScores> fresh = model == null ? Map.of() : classifyOrStop(model, frame, boxes, ids);
        model = classifier;
        long t2 = System.nanoTime();
        return new AnalyzedFrame(frame, tracker.faces(boxes, ids, fresh), (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                model == null ? null : model.name(), settings);
    }

    /**
     * Classifies, or when the model throws, closes it and goes on detecting without one: a broken model must not
     * stop the video or the face boxes. The reason is kept for {@link #classifierProblem()}.
     */
    private Map<Integer, EmotionScores> classifyOrStop(EmotionClassifier model, VideoFrame frame, List<FaceBox> boxes, List<Integer> ids) {
        try {
            return classifyDue(model, frame, boxes, ids);
        } catch (RuntimeException e) {
            classifier = null;
            tracker.clearScores();
            lastClassifiedMs.clear();
            classifierProblem = "the model " + model.name() + " failed while classifying faces (" + e.getMessage()
                    + "): classification stopped, face detection goes on. Load a model to classify again.";
            try {
                model.close();
            } catch (RuntimeException ignored) {
                // already failing; the reason above is what the user needs
            }
            return Map.of();
        }
    }

    /** Why classification stopped during analysis (the model threw), until a new model is set; empty otherwise. */
    public Optional<String> classifierProblem() {
        return Optional.ofNullable(classifierProblem);
    }

    /** Detection alone, with this analyzer's detector (for detecting on several threads, one analyzer each). */
    public List<FaceBox> detect(VideoFrame frame) {
        return detector.detect(frame.image());
    }

    /**
     * Classifies every face of several frames in one batch (offline analysis), in frame then box order; empty lists
     * without a classifier.
     */
    public List<List<EmotionScores>> classifyAll(List<VideoFrame> frames, List<List<FaceBox>> boxes) {
        EmotionClassifier model = classifier;
        List<float[]> inputs = new ArrayList<>();
        for (int f = 0; f < frames.size() && model != null; f++) {
            for (FaceBox box : boxes.get(f)) {
                inputs.add(preprocessor.toInput(frames.get(f).image(), box, model.inputSpec()));
            }
        }
        List<EmotionScores> flat = model == null || inputs.isEmpty() ? List.of() : model.classify(inputs);
        List<List<EmotionScores>> out = new ArrayList<>(frames.size());
        int k = 0;
        for (List<FaceBox> frameBoxes : boxes) {
            out.add(flat.isEmpty() ? List.of() : List.copyOf(flat.subList(k, k + frameBoxes.size())));
            k += frameBoxes.size();
        }
        return out;
    }

    /**
     * Tracks one frame whose faces were detected and classified elsewhere ({@link #detect}, {@link #classifyAll}):
     * frames must come in order. {@code scores} is empty (no model) or one per box.
     */
    public AnalyzedFrame track(VideoFrame frame, List<FaceBox> boxes, List<EmotionScores> scores, double detectMs, double classifyMs) {
        DetectorSettings settings = detector.config();
        List<Integer> ids = tracker.assign(boxes);
        Map<Integer, EmotionScores> fresh = new HashMap<>();
        for (int i = 0; i < scores.size(); i++) {
            fresh.put(ids.get(i), tracker.update(ids.get(i), scores.get(i)));
        }
        EmotionClassifier model = classifier;
        return new AnalyzedFrame(frame, tracker.faces(boxes, ids, fresh), detectMs, classifyMs, model == null ? null : model.name(), settings);
    }

    /** The face detector's settings (which detector, and its own settings). */
    public DetectorSettings detectorConfig() {
        return detector.config();
    }

    /**
     * Changes the face detector's settings from the next frame on; safe to call from any thread. Settings of another
     * kind switch detectors where the detector supports it ({@link io.emolens.detect.SwitchingFaceDetector}).
     */
    public void setDetectorConfig(DetectorSettings config) {
        detector.setConfig(config);
        if (scanDetector != null) {
            scanDetector.setConfig(config);
        }
    }

    /** Why the requested face detector is not in use (it fell back to the Haar cascade), if so. */
    public Optional<String> detectorProblem() {
        return detector.problem();
    }

    /** Forgets tracked faces, e.g. when the source changes. */
    public void reset() {
        tracker.reset();
        lastClassifiedMs.clear();
        search.reset();
        hints.set(List.of());
    }

    @Override
    public void close() {
        EmotionClassifier model = setClassifier(null);
        if (model != null) {
            model.close();
        }
        detector.close();
        if (scanDetector != null) {
            scanDetector.close();
        }
    }

    private Map<Integer, EmotionScores> classifyDue(EmotionClassifier model, VideoFrame frame, List<FaceBox> boxes, List<Integer> ids) {
        List<Integer> due = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Long last = lastClassifiedMs.get(ids.get(i));
            if (last == null || frame.timeMs() - last >= policy.minIntervalMs() || frame.timeMs() < last) {
                due.add(i);
            }
        }
        due.sort(Comparator.comparingLong(i -> lastClassifiedMs.getOrDefault(ids.get(i), Long.MIN_VALUE)));
        if (due.size() > policy.maxFacesPerFrame()) {
            due = due.subList(0, policy.maxFacesPerFrame());
        }
        if (due.isEmpty()) {
            return Map.of();
        }
        List<float[]> inputs = new ArrayList<>(due.size());
        for (int i : due) {
            inputs.add(preprocessor.toInput(frame.image(), boxes.get(i), model.inputSpec()));
        }
        List<EmotionScores> scores = model.classify(inputs);
        Map<Integer, EmotionScores> fresh = new HashMap<>();
        for (int k = 0; k < due.size(); k++) {
            int id = ids.get(due.get(k));
            fresh.put(id, tracker.update(id, scores.get(k)));
            lastClassifiedMs.put(id, frame.timeMs());
        }
        return fresh;
    }
}
