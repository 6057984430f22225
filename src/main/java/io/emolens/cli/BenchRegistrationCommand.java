package io.emolens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import io.emolens.bench.Fer2013Registration;
import io.emolens.data.DatasetReader;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;
import io.emolens.data.Split;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.FaceDetector;
import io.emolens.session.AnalyzerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench registration --data fer2013.csv [--faces N] [detector options]}: where FER2013 puts faces, in a detector's terms. */
@Command(name = "registration", mixinStandardHelpOptions = true,
        description = "Measure FER2013's face registration with a detector: run it on enlarged FER2013 Training faces and print the median box and eye position in the 48x48 frame, and the crop geometry they give (docs/MODEL.md).")
public final class BenchRegistrationCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FER2013", description = "fer2013.csv(.gz)")
    Path data;

    @Option(names = "--faces", defaultValue = "2000", description = "Training faces measured, drawn at random with a fixed seed (default: ${DEFAULT-VALUE})")
    int faces;

    @Mixin
    DetectorOptions detection;

    @Spec
    CommandSpec spec;

    private final AnalyzerFactory analyzers;
    private final PrintStream out;

    public BenchRegistrationCommand(AnalyzerFactory analyzers, PrintStream out) {
        this.analyzers = analyzers;
        this.out = out;
    }

    @Override
    public Integer call() {
        DetectorSettings settings = detection.settings(spec.commandLine());
        List<LabeledFace> training = new ArrayList<>(DatasetReader.readAny(data, ReadOptions.DEFAULT).split(Split.TRAINING));
        Collections.shuffle(training, new Random(2013));
        List<LabeledFace> sample = training.subList(0, Math.min(faces, training.size()));
        try (FaceDetector detector = analyzers.detector(settings)) {
            out.println(settings.describe());
            out.print(new Fer2013Registration().measure(sample, detector).format());
        }
        BenchCommand.printPeakRss(out);
        return 0;
    }
}
