package io.emolens.cli;

import java.io.PrintStream;
import java.util.Locale;

import picocli.CommandLine.Command;

import io.emolens.core.ProcessMemory;

/** {@code bench}: performance measurements whose results go to docs/BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and memory.",
        subcommands = {BenchPipelineCommand.class, BenchRecordingCommand.class, BenchCnnCommand.class, BenchDetectCommand.class, BenchClassifyCommand.class,
                BenchLiveCommand.class, BenchFollowCommand.class, BenchSoakCommand.class, BenchRegistrationCommand.class})
public final class BenchCommand {
    /** The last line of every bench command: the process's peak resident memory (VmHWM). */
    static void printPeakRss(PrintStream out) {
        out.printf(Locale.ROOT, "peak RSS %.0f MiB%n", ProcessMemory.peakRssMb());
    }
}
