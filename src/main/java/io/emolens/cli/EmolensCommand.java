package io.emolens.cli;

import io.emolens.core.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Top-level command: with no subcommand the desktop app starts (see {@code io.emolens.app.Main}). */
@Command(name = "emolens", mixinStandardHelpOptions = true, versionProvider = EmolensCommand.Versions.class,
        description = "Facial emotion recognition. Without a command the desktop app starts.",
        subcommands = {AnalyzeCommand.class, ArchiveCommand.class, ReviewCommand.class, TrainCommand.class, PersonalizeCommand.class, EvaluateCommand.class, ImportKerasCommand.class, EnsembleCommand.class, BenchCommand.class})
public final class EmolensCommand {

    /** {@code --version}: Emolens and its stack, from the build. */
    static final class Versions implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return BuildInfo.current().describe();
        }
    }
}
