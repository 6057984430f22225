package io.emolens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.emolens.core.EmolensException;
import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.ReadOptions;
import io.emolens.train.EnsembleBuilder;
import io.emolens.train.EnsembleMembers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code emolens ensemble}: builds one ensemble model file from member models and fits its temperature. */
@Command(name = "ensemble", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build an ensemble model: one file holding the member networks, whose inference averages their softmax probabilities (and, by default, those of the mirrored face) and applies a temperature fitted on PublicTest. Members are model files, ensemble files (all their members) or training run folders. Prints each member's and the ensemble's accuracy, macro-F1, log-loss and ECE on PublicTest and PrivateTest."})
public final class EnsembleCommand implements Callable<Integer> {
    private final PrintStream console;
    private final PrintStream errors;

    public EnsembleCommand() {
        this(System.out, System.err);
    }

    EnsembleCommand(PrintStream console, PrintStream errors) {
        this.console = console;
        this.errors = errors;
    }

    @Option(names = "--members", arity = "1..*", required = true, paramLabel = "MODEL", description = "member model files, ensembles or run folders")
    List<Path> members;
    @Option(names = "--data", required = true, paramLabel = "FILE_OR_DIR", description = "the FER2013 data the members were trained on (its PublicTest fits the temperature)")
    Path data;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the ensemble model to write (FILE.zip with FILE.json); may be one of the members")
    Path out;
    @Option(names = "--no-flip", description = "do not average each face with its mirror image (half the inference time)")
    boolean noFlip;
    @Option(names = "--strict", description = "stop at the first bad row with file and line instead of skipping it")
    boolean strict;

    @Override
    public Integer call() {
        try {
            if (!out.getFileName().toString().endsWith(".zip")) {
                throw new EmolensException("--out must name a .zip model file, was " + out);
            }
            List<EnsembleMembers.Candidate> candidates = EnsembleMembers.resolve(members);
            Path folder = out.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
            }
            console.println("reading " + data + " ...");
            Dataset dataset = DatasetReader.readAny(data, strict ? ReadOptions.STRICT : ReadOptions.DEFAULT);
            EnsembleBuilder.Report report = new EnsembleBuilder(console::println).build(candidates, dataset, !noFlip, out);
            console.print(report.format());
            return 0;
        } catch (EmolensException | IllegalArgumentException e) {
            errors.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            errors.println("error: cannot create the folder of " + out + ": " + e.getMessage());
            return 2;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EnsembleCommand()).execute(args));
    }
}
