package io.emolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.emolens.bench.CnnBenchmark;
import io.emolens.bench.ModelBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench cnn}: measures CNN inference and training speed on this CPU; see docs/BENCHMARKS.md. */
@Command(name = "cnn", mixinStandardHelpOptions = true,
        description = "Measure CNN inference (ms/face at batch 1 and 16) and training (images/s at batch 64) speed, or with --model the inference speed of any model file.")
public final class BenchCnnCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--arch", defaultValue = "seed", description = "architecture: default or seed (default: ${DEFAULT-VALUE})")
    String arch;

    @Option(names = "--model", paramLabel = "FILE", description = "measure this saved model file (trained or imported) instead of an architecture: inference only")
    Path model;

    @Option(names = "--json", description = "also write the results as JSON to this file")
    Path json;

    @Option(names = "--runs", defaultValue = "7", description = "timed runs per measure; the median is reported (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--compute", defaultValue = "onednn",
            description = "onednn (the product path) or plain (DL4J built-in kernels, for comparison) (default: ${DEFAULT-VALUE})")
    String compute;

    @Option(names = "--memory-epochs", defaultValue = "3",
            description = "training epochs for the RSS check, 0 to skip (default: ${DEFAULT-VALUE})")
    int memoryEpochs;

    @Option(names = "--batches-per-epoch", defaultValue = "20", description = "batches of 64 per memory epoch (default: ${DEFAULT-VALUE})")
    int batchesPerEpoch;

    @Override
    public Integer call() throws Exception {
        if (!compute.equalsIgnoreCase("onednn") && !compute.equalsIgnoreCase("plain")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--compute must be onednn or plain, not '" + compute + "'");
        }
        Map<String, Object> result;
        if (model != null) {
            result = new ModelBenchmark(System.err::println).run(model, compute.equalsIgnoreCase("onednn"), runs);
        } else {
            result = architecture();
        }
        String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
        System.out.println(text);
        if (json != null) {
            if (json.toAbsolutePath().getParent() != null) {
                Files.createDirectories(json.toAbsolutePath().getParent());
            }
            Files.writeString(json, text + System.lineSeparator());
        }
        return 0;
    }

    private Map<String, Object> architecture() {
        CnnBenchmark.Config config;
        try {
            config = new CnnBenchmark.Config(arch, compute.equalsIgnoreCase("onednn"), runs, memoryEpochs, batchesPerEpoch);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return new CnnBenchmark(System.err::println).run(config);
    }

    /** Runs the command alone, for scripts that do not go through the application's main class. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCnnCommand()).execute(args));
    }
}
