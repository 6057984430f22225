package io.emolens.cli;

import picocli.CommandLine.Command;

/** {@code bench}: performance measurements whose results go to docs/BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and memory.",
        subcommands = {BenchPipelineCommand.class, BenchRecordingCommand.class, BenchCnnCommand.class, BenchDetectCommand.class, BenchClassifyCommand.class,
                BenchLiveCommand.class, BenchFollowCommand.class, BenchSoakCommand.class, BenchRegistrationCommand.class})
public final class BenchCommand {
}
