package io.emolens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.emolens.core.EmolensException;
import io.emolens.core.FileKinds;
import io.emolens.session.Personalizer;
import io.emolens.train.TuneOptions;
import io.emolens.train.TrainServices;
import io.emolens.train.TrainingControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code personalize SESSION_DIR… --out MODEL.zip}: fine-tunes a model on the labeled face crops of recorded sessions
 * and saves it when it agrees more with the user's held-out labels than its base.
 */
@Command(name = "personalize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fine-tune a model on the face crops you labeled (keys 1-7) in recorded sessions, so it reads your face better.",
                "With several sessions the last is held out whole (if its emotions are labeled in the others), else the last quarter of every label segment; agreement with your labels on those crops is reported before and after, per emotion, and on FER2013 with --replay.",
                "MODEL.zip is written only when the fine-tuned model agrees more than its base; the base file is never modified."})
public final class PersonalizeCommand implements Callable<Integer> {
    private final Supplier<Path> defaultModel;
    private final PrintStream console;
    private final PrintStream errors;

    public PersonalizeCommand(Supplier<Path> defaultModel, PrintStream console, PrintStream errors) {
        this.defaultModel = defaultModel;
        this.console = console;
        this.errors = errors;
    }

    @Parameters(arity = "1..*", paramLabel = "SESSION_DIR", description = "recorded session folders with labels and crops.csv")
    List<Path> sessions;
    @Option(names = "--out", required = true, paramLabel = "MODEL.zip", description = "the personalized model to write (with MODEL.json)")
    Path out;
    @Option(names = "--base", paramLabel = "MODEL.zip", description = "the model to start from (default: the shipped model)")
    Path base;
    @Option(names = "--replay", paramLabel = "FER2013", description = "mix FER2013 Training rows into every epoch so the model keeps reading other faces; its PrivateTest is measured before and after")
    Path replay;
    @Option(names = {"--max-general-drop", "--max-forgetting"}, paramLabel = "POINTS", description = "with --replay: the most accuracy on the replay file's PublicTest the kept model may lose against its base (default 2.0)")
    Double maxForgetting;
    @Option(names = "--run-dir", paramLabel = "DIR", description = "where the fine-tuning run is kept (default: MODEL.run beside --out)")
    Path runDir;

    @Override
    public Integer call() {
        try {
            if (!out.getFileName().toString().endsWith(".zip")) {
                throw new EmolensException("--out must name a .zip model file, was " + out);
            }
            Path model = base != null ? base : defaultModel.get();
            Path run = runDir != null ? runDir : out.resolveSibling(out.getFileName().toString().replaceFirst("\\.zip$", ".run"));
            console.println("personalizing " + model + " with " + sessions.size() + " session(s); run folder " + run);
            double forgetting = (maxForgetting == null ? TuneOptions.MAX_GENERAL_DROP_POINTS : maxForgetting) / 100;
            Personalizer.Outcome outcome = new Personalizer(TrainServices.exporter()).personalize(model, sessions, replay, forgetting, run, out,
                    new ConsoleProgress(console, 30), new TrainingControl());
            console.println();
            console.print(outcome.format());
            return 0;
        } catch (EmolensException | IllegalArgumentException e) {
            errors.println("error: " + FileKinds.oneLine(e.getMessage(), 600));
            return 2;
        }
    }
}
