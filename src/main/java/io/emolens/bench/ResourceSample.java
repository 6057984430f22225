package io.emolens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.bytedeco.javacpp.Pointer;

import io.emolens.core.ProcessMemory;

/**
 * What a long-running Emolens holds at one moment: resident memory, native memory JavaCPP accounts for (OpenCV,
 * FFmpeg, ND4J buffers), the Java heap in use, live threads and open file descriptors. A soak compares these over time.
 *
 * @param minute        minutes since the soak started
 * @param rssMb         resident set size (VmRSS)
 * @param javacppMb     {@link Pointer#physicalBytes()}: what JavaCPP reads as the process's physical memory
 * @param javacppTrackedMb {@link Pointer#totalBytes()}: native buffers JavaCPP allocated and has not freed
 * @param heapUsedMb    Java heap in use
 * @param threads       live Java threads
 * @param openFiles     entries in /proc/self/fd, -1 where absent
 * @param heapCommittedMb Java heap the JVM holds (committed): RSS grows with it even while the heap in use stays flat
 */
public record ResourceSample(double minute, double rssMb, double javacppMb, double javacppTrackedMb, double heapUsedMb, int threads,
                             int openFiles, double heapCommittedMb) {
    private static final double MB = 1024.0 * 1024.0;

    public static ResourceSample now(double minute) {
        Runtime rt = Runtime.getRuntime();
        return new ResourceSample(minute, ProcessMemory.rssMb(), Pointer.physicalBytes() / MB, Pointer.totalBytes() / MB,
                (rt.totalMemory() - rt.freeMemory()) / MB, ManagementFactory.getThreadMXBean().getThreadCount(), countOpenFiles(),
                rt.totalMemory() / MB);
    }

    private static int countOpenFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
