package io.emolens.session;

import java.util.Map;

import io.emolens.detect.DetectorSettings;

/**
 * What an analysis found, written as {@code summary.json}. Keys are a contract: extend, never rename.
 *
 * @param input           the analyzed file or folder
 * @param model           the classifier's name, or null when detection ran alone
 * @param frames          frames read
 * @param framesWithFaces frames with at least one face
 * @param faces           face rows written (one per face per frame)
 * @param labelCounts     rows per predicted label, all seven present, FER order
 * @param processingFps   frames analyzed per second of wall time (decode + detect + classify + write)
 * @param elapsedMs       wall time of the whole run
 * @param video           the annotated video's file name, or null
 * @param videoCodec      codec of the annotated video, or null
 * @param detector        the face detector and its settings ({@code name}: {@code haar} or {@code yunet})
 * @param droppedFrames   frames of a live stream dropped because the analysis fell too far behind (0 for files)
 * @param error           why the source stopped early (a lost stream), else null
 * @param scanEvery       1: every frame scanned whole for faces; N: every N-th frame of a video, faces followed between
 * @param peakRssMb       the process's peak resident memory (VmHWM) when the analysis ended, MiB; -1 where unknown
 *                        (summaries written before it was added read 0)
 */
public record AnalysisSummary(String input, String model, long frames, long framesWithFaces, long faces,
                              Map<String, Long> labelCounts, double processingFps, long elapsedMs,
                              String video, String videoCodec, DetectorSettings detector, long droppedFrames, String error,
                              int scanEvery, double peakRssMb) {
}
