package io.emolens.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process from {@code /proc/self/status} (Linux); -1 where unavailable. */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Current resident set size in MiB ({@code VmRSS}). */
    public static double rssMb() {
        return field("VmRSS:");
    }

    /** Peak resident set size since the process started, in MiB ({@code VmHWM}). */
    public static double peakRssMb() {
        return field("VmHWM:");
    }

    private static double field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** The CPU model from {@code /proc/cpuinfo}, or "unknown". */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
