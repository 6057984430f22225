package io.emolens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.emolens.bench.ClassifierBenchmark;
import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.ModelStore;
import io.emolens.core.EmolensException;
import io.emolens.data.DatasetReader;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;
import io.emolens.data.Split;
import io.emolens.session.AnalyzeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench classify}: classification ms per face of several models on the same real faces, interleaved. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classification ms/face of models (plain or ensemble, as the app runs them) on FER2013 PrivateTest faces, timed round by round in turn so the ratios hold on a busy machine.")
public final class BenchClassifyCommand implements Callable<Integer> {
    @Option(names = "--models", arity = "1..*", required = true, paramLabel = "MODEL", description = "model files to compare; the first is the reference")
    List<Path> models;
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "fer2013.csv(.gz) whose PrivateTest faces are the inputs")
    Path data;
    @Option(names = "--batch", defaultValue = "1", description = "faces per call (1: one face in view, as live) (default: ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--rounds", defaultValue = "300", description = "timed calls per model (default: ${DEFAULT-VALUE})")
    int rounds;
    @Option(names = "--json", paramLabel = "OUT", description = "also write the results as JSON")
    Path json;

    @Override
    public Integer call() {
        List<float[]> faces = DatasetReader.readAny(data, ReadOptions.DEFAULT).split(Split.PRIVATE_TEST).stream()
                .limit(512).map(LabeledFace::input).toList();
        if (faces.isEmpty()) {
            throw new EmolensException("no PrivateTest faces in " + data);
        }
        List<EmotionClassifier> classifiers = new ArrayList<>();
        try {
            ModelStore store = new ModelStore();
            for (Path m : models) {
                classifiers.add(store.load(m));
            }
            List<ClassifierBenchmark.Result> results = new ClassifierBenchmark().run(classifiers, faces, batch, rounds, Math.max(20, rounds / 10));
            List<Map<String, Object>> rows = new ArrayList<>();
            double reference = results.get(0).medianMsPerFace();
            System.out.printf("%-28s%14s%12s%10s%n", "model", "median ms/face", "min ms/face", "ratio");
            for (ClassifierBenchmark.Result r : results) {
                System.out.printf("%-28s%14.2f%12.2f%9.2fx%n", r.name(), r.medianMsPerFace(), r.minMsPerFace(), r.medianMsPerFace() / reference);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("model", r.name());
                row.put("median_ms_per_face", r.medianMsPerFace());
                row.put("min_ms_per_face", r.minMsPerFace());
                row.put("ratio_to_first", r.medianMsPerFace() / reference);
                rows.add(row);
            }
            if (json != null) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("batch", batch);
                doc.put("rounds", rounds);
                doc.put("cpus", Runtime.getRuntime().availableProcessors());
                doc.put("models", rows);
                AnalyzeService.json().writeValue(json.toFile(), doc);
            }
            BenchCommand.printPeakRss(System.out);
            return 0;
        } catch (IOException e) {
            throw new EmolensException("Cannot write " + json + ": " + e.getMessage(), e);
        } finally {
            classifiers.forEach(EmotionClassifier::close);
        }
    }
}
