package io.emolens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.emolens.core.Csv;
import io.emolens.bench.DetectionBenchmark;
import io.emolens.core.EmolensException;
import io.emolens.core.FaceBox;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.FaceDetector;
import io.emolens.eval.DetectionScore;
import io.emolens.eval.FaceAnnotations;
import io.emolens.session.AnalyzeService;
import io.emolens.session.AnalyzerFactory;
import io.emolens.source.FrameSourceFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench detect --set boxes.csv [detector options] [--iou 0.4] [--json OUT] [--detections OUT]}. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Face detection recall and precision on an annotated set (file,frame,x,y,w,h,kind), frames with a face, duplicate boxes and ms/frame.")
public final class BenchDetectCommand implements Callable<Integer> {
    @Option(names = "--set", required = true, paramLabel = "CSV", description = "annotations, e.g. src/test/resources/faces/boxes.csv")
    Path set;

    @Option(names = "--iou", defaultValue = "0.4", description = "IoU from which a detection matches a face (default: ${DEFAULT-VALUE})")
    double iou;

    @Option(names = "--json", paramLabel = "OUT", description = "also write the results as JSON")
    Path json;

    @Option(names = "--detections", paramLabel = "OUT", description = "also write every detection of every frame in the annotation format (kind face), e.g. as proposals to check by eye")
    Path detectionsCsv;

    @Option(names = "--scan-every", defaultValue = "1", paramLabel = "N",
            description = "1: scan every frame whole; N > 1: follow a video's faces as analyze does, scanning its first frame, each new shot and every N-th frame after either whole (default: ${DEFAULT-VALUE})")
    int scanEvery;

    @Mixin
    DetectorOptions detection;

    @Spec
    CommandSpec spec;

    private final AnalyzerFactory analyzers;
    private final FrameSourceFactory sources;
    private final PrintStream out;

    public BenchDetectCommand(AnalyzerFactory analyzers, FrameSourceFactory sources, PrintStream out) {
        this.analyzers = analyzers;
        this.sources = sources;
        this.out = out;
    }

    @Override
    public Integer call() {
        DetectorSettings settings = detection.settings(spec.commandLine());
        if (scanEvery < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scan-every must be 1 or more, was " + scanEvery);
        }
        FaceAnnotations annotations = FaceAnnotations.read(set);
        DetectionBenchmark.Result r;
        try (FaceDetector detector = analyzers.detector(settings)) {
            r = new DetectionBenchmark().run(annotations, detector, sources, iou, scanEvery);
        }
        out.println(settings.describe() + ", IoU " + iou + (scanEvery > 1 ? ", videos followed, scanned whole every " + scanEvery + " frames" : ""));
        List<Map<String, Object>> files = new ArrayList<>();
        for (DetectionBenchmark.FileResult f : r.files()) {
            out.printf(Locale.ROOT, "%-28s %4d scored: recall %.3f precision %.3f (tp %d, fp %d, missed %d); %d/%d frames with a face, %d with a duplicate box, %.1f ms/frame%n",
                    f.file(), f.annotatedFrames(), f.score().recall(), f.score().precision(), f.score().truePositives(),
                    f.score().falsePositives(), f.score().misses(), f.framesWithFaces(), f.frames(), f.duplicateFrames(), f.msPerFrame());
            Map<String, Object> m = scoreJson(f.score());
            m.put("file", f.file());
            m.put("scored_frames", f.annotatedFrames());
            m.put("frames", f.frames());
            m.put("frames_with_faces", f.framesWithFaces());
            m.put("duplicate_frames", f.duplicateFrames());
            m.put("ms_per_frame", f.msPerFrame());
            files.add(m);
        }
        DetectionScore total = r.total();
        out.printf(Locale.ROOT, "total: recall %.3f precision %.3f (tp %d, fp %d, missed %d)%n", total.recall(), total.precision(),
                total.truePositives(), total.falsePositives(), total.misses());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("detector", settings);
        values.put("iou", iou);
        values.put("scan_every", scanEvery);
        values.putAll(scoreJson(total));
        values.put("files", files);
        if (json != null) {
            write(json, () -> AnalyzeService.json().writeValue(json.toFile(), values));
        }
        if (detectionsCsv != null) {
            write(detectionsCsv, () -> {
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(detectionsCsv))) {
                    w.println(FaceAnnotations.HEADER);
                    for (DetectionBenchmark.Detection d : r.detections()) {
                        FaceBox b = d.box();
                        w.println(Csv.line(d.file(), d.frame(), b.x(), b.y(), b.width(), b.height(), "face"));
                    }
                }
            });
        }
        BenchCommand.printPeakRss(out);
        return 0;
    }

    private static Map<String, Object> scoreJson(DetectionScore s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recall", s.recall());
        m.put("precision", s.precision());
        m.put("true_positives", s.truePositives());
        m.put("false_positives", s.falsePositives());
        m.put("misses", s.misses());
        return m;
    }

    private interface Writing {
        void run() throws IOException;
    }

    private static void write(Path file, Writing writing) {
        try {
            writing.run();
        } catch (IOException e) {
            throw new EmolensException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
