package io.emolens.classify;

import java.util.List;

/**
 * How many rows (faces, mirror images included) one network call takes. A call's activations and oneDNN's temporary
 * buffers grow with its rows; past about 16 rows of 48x48 faces they exceed glibc's largest pooled block (32 MB), so
 * every call maps fresh memory and unmaps it again, and the kernel faults in every page anew. Scoring the faces of up
 * to 16 frames in one call cost {@code analyze} 4.1 million page faults and 33 s of system time per 110 s of video,
 * and the pooled blocks of ever-different sizes left 1.2-2.0 GB resident; calls of at most 16 rows reuse the same
 * blocks (0.3 million faults, 0.5-0.8 GB, a third less wall time; docs/BENCHMARKS.md). Rows are scored independently,
 * so the split changes no result. The classifiers and the network under training (its per-epoch evaluation) use it.
 */
public final class NetworkCalls {
    /** The most rows given to one network call. */
    public static final int MAX_ROWS = 16;

    private NetworkCalls() {
    }

    /** One network call's share of the faces: {@code part} starts at face {@code offset} of the whole list. */
    @FunctionalInterface
    public interface Call {
        void score(List<float[]> part, int offset);
    }

    /** Hands {@code faces} to {@code call} in consecutive parts of at most {@code perCall} faces, in order. */
    public static void inCalls(List<float[]> faces, int perCall, Call call) {
        for (int from = 0; from < faces.size(); from += perCall) {
            call.score(faces.subList(from, Math.min(faces.size(), from + perCall)), from);
        }
    }
}
