package io.emolens.cli;

import picocli.CommandLine.Command;

/** Top-level command: with no subcommand the desktop app starts (see {@code io.emolens.app.Main}). */
@Command(name = "emolens", mixinStandardHelpOptions = true, version = "Emolens 0.1.0",
        description = "Facial emotion recognition. Without a command the desktop app starts.",
        subcommands = {AnalyzeCommand.class, ReviewCommand.class, TrainCommand.class, EvaluateCommand.class, EnsembleCommand.class, BenchCommand.class})
public final class EmolensCommand {
}
