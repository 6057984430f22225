package io.emolens.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.emolens.core.EmotionScores;
import io.emolens.core.FaceBox;
import io.emolens.core.VideoFrame;
import io.emolens.cv.HeapTrimmer;
import io.emolens.source.FrameSource;

/**
 * Every face of every frame, on all cores, results in frame order: a reader thread decodes ahead, one detector per
 * worker thread scans frames whole in parallel (every frame, or every {@code scanEvery}-th frame of a video while
 * the calling thread follows the known faces through the frames between, {@link FrameAnalyzer#followFaces}), a
 * classifying thread classifies the faces of all frames that are ready in one batch meanwhile, and the calling thread
 * tracks them in order and hands each frame to the sink. A file is read as fast as the
 * analysis goes; a live stream is read in real time and, if the analysis falls further behind than the frame
 * buffer holds (about {@value #LIVE_BUFFER_MB} MB of frames), frames are dropped and counted, never the stream
 * stalled (at most {@value #LIVE_BACKLOG_S} s of frames wait). When a stream is lost, what was read is analyzed
 * for at most {@value #LOST_DRAIN_MS} ms more and the rest counted as dropped, so the run ends soon after its source.
 * Tracks restart whenever the frame's source name changes (a folder's next image) and, when following, at each new shot. Owns the source it
 * runs: the reader closes it. A frame is referenced by the run until the sink returns it; when the sink keeps no frame
 * ({@link Sink#keepsFrames}), the run then recycles it, so the source decodes into a few reused images. The C heap's
 * free pages are given back when the resident size has grown ({@link HeapTrimmer}), a safety net for freed buffers that
 * glibc keeps. One run at a time.
 */
public final class OfflineAnalysis {
    /** Receives analyzed frames in order, on the calling thread. */
    public interface Sink {
        void accept(AnalyzedFrame frame);

        /**
         * Whether the sink (or anything it hands frames to) may still reference a frame after {@link #accept} returns.
         * When not, the run gives each frame back to its source ({@link FrameSource#recycle}) as soon as the sink
         * returns, and the source reuses its image.
         */
        default boolean keepsFrames() {
            return true;
        }

        /** A sink that references no frame after {@code sink.accept} returns. */
        static Sink keepingNoFrames(Sink sink) {
            return new Sink() {
                @Override
                public void accept(AnalyzedFrame frame) {
                    sink.accept(frame);
                }

                @Override
                public boolean keepsFrames() {
                    return false;
                }
            };
        }
    }

    /**
     * How a run ended.
     *
     * @param framesRead    frames decoded
     * @param framesDropped live frames dropped because the analysis was too far behind
     * @param error         what stopped the source early (a lost stream), if anything
     */
    public record Outcome(long framesRead, long framesDropped, Optional<Throwable> error) {
    }

    /**
     * Whole-frame scans of a video by default: every 5th frame and each new shot. On short_hamilton_clip.mp4 (Haar, both
     * cores of the 2-vCPU VM) that analyzes 35–40 frames/s instead of 8–9 scanning every frame, with 230 instead of 234
     * frames with a face and 266 instead of 277 face rows (docs/BENCHMARKS.md).
     */
    public static final int DEFAULT_SCAN_EVERY = 5;
    static final int LIVE_BUFFER_MB = 256;
    static final int LIVE_BACKLOG_S = 10;
    static final long LOST_DRAIN_MS = 10_000;
    private static final int MAX_BATCH = 16;
    private static final long READER_JOIN_MS = 7000;
    private final FrameAnalyzer main;
    private final List<FrameAnalyzer> detectors;
    private final int scanEvery;
    private final long shotStart;
    private String lastSource;
    private FrameSource running;
    private ExecutorService classifying;
    private Pending pending;

    /** Frames whose faces were found and are being classified, to be tracked in order. */
    private record Pending(List<VideoFrame> frames, List<List<FaceBox>> boxes, double[] detectMs, Future<Classified> scores) {
    }

    private record Classified(List<List<EmotionScores>> scores, double msPerFrame) {
    }

    /**
     * A frame on its way to the calling thread.
     *
     * @param boxes    what a whole-frame scan found, or null when the frame was not scanned
     * @param scanHere scan it on the calling thread (no other detector is free to)
     * @param cut      the first frame of a new shot: the faces of the shot before are forgotten
     */
    private record Detected(VideoFrame frame, List<FaceBox> boxes, double detectMs, boolean scanHere, boolean cut) {
    }

    /** Every frame scanned whole: {@code OfflineAnalysis(main, detectors, 1)}. */
    public OfflineAnalysis(FrameAnalyzer main, List<FrameAnalyzer> detectors) {
        this(main, detectors, 1);
    }

    /**
     * @param main      tracks and classifies (and detects too)
     * @param detectors one per detection thread; may include {@code main} (only used while {@code scanEvery} is 1);
     *                  only their detectors are used
     * @param scanEvery 1: every frame scanned whole; N &gt; 1: frames scanned whole as {@link ScanSchedule} says, the
     *                  known faces followed through the others on the calling thread
     */
    public OfflineAnalysis(FrameAnalyzer main, List<FrameAnalyzer> detectors, int scanEvery) {
        this(main, detectors, scanEvery, -1);
    }

    /**
     * A run of a source that starts inside a video's shot (an archive's segment, warmed up): the frames are scanned
     * whole where a run of the whole video scans them.
     *
     * @param shotStart the frame number at which the shot of the source's first frame began, -1 when it begins there
     *                  ({@link ScanSchedule#ScanSchedule(int, long)})
     */
    public OfflineAnalysis(FrameAnalyzer main, List<FrameAnalyzer> detectors, int scanEvery, long shotStart) {
        if (detectors.isEmpty()) {
            throw new IllegalArgumentException("need at least one detector");
        }
        if (scanEvery < 1) {
            throw new IllegalArgumentException("scanEvery must be >= 1, was " + scanEvery);
        }
        this.main = main;
        this.scanEvery = scanEvery;
        this.shotStart = shotStart;
        this.detectors = scanEvery == 1 ? List.copyOf(detectors) : detectors.stream().filter(d -> d != main).toList();
    }

    /**
     * Analyzes {@code source} until it ends, its time reaches {@code maxSourceMs} (0: no limit) or {@code stop}
     * says so; frames already read are still analyzed, unless {@code abort} says so.
     */
    public Outcome run(FrameSource source, long maxSourceMs, java.util.function.BooleanSupplier stop,
                       java.util.function.BooleanSupplier abort, Sink sink) throws InterruptedException {
        BlockingQueue<FrameAnalyzer> pool = new LinkedBlockingQueue<>(detectors);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, detectors.size()), named("emolens-detect"));
        classifying = Executors.newSingleThreadExecutor(named("emolens-classify"));
        pending = null;
        running = source;
        BlockingQueue<Future<Detected>> ordered = new ArrayBlockingQueue<>(source.isLive() ? 4096 : 2 * detectors.size() + 4 + 2 * scanEvery);
        AtomicLong read = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        AtomicReference<Throwable> error = new AtomicReference<>();
        AtomicInteger liveBudget = new AtomicInteger(LIVE_BUFFER_MB << 20);
        int backlog = (int) Math.round(LIVE_BACKLOG_S * (source.frameRate() > 0 ? source.frameRate() : 30));
        AtomicReference<Long> lostAt = new AtomicReference<>();
        Future<Detected> end = CompletableFuture.completedFuture(null);
        Thread reader = new Thread(() -> {
            try {
                ScanSchedule schedule = new ScanSchedule(scanEvery, shotStart);
                Optional<VideoFrame> next;
                while (!stop.getAsBoolean() && !abort.getAsBoolean() && (next = source.next()).isPresent()) {
                    VideoFrame frame = next.get();
                    if (maxSourceMs > 0 && frame.timeMs() >= maxSourceMs) {
                        break;
                    }
                    read.incrementAndGet();
                    int bytes = frame.width() * frame.height() * 3;
                    boolean full = source.isLive() && ordered.size() >= backlog;
                    if (!full && source.isLive() && liveBudget.addAndGet(-bytes) < 0) {
                        liveBudget.addAndGet(bytes);
                        full = true;
                    }
                    if (full) {
                        dropped.incrementAndGet();
                        continue;
                    }
                    ScanSchedule.Step step = schedule.next(frame);
                    if (step.scan() && !detectors.isEmpty()) {
                        ordered.put(workers.submit(() -> detect(pool, frame, step.cut())));
                    } else {
                        ordered.put(CompletableFuture.completedFuture(new Detected(frame, null, 0, step.scan(), step.cut())));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                error.set(e);
                lostAt.set(System.nanoTime());
            } finally {
                source.close();
                try {
                    ordered.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "emolens-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            java.util.function.BooleanSupplier giveUp = () -> abort.getAsBoolean()
                    || lostAt.get() != null && System.nanoTime() - lostAt.get() > LOST_DRAIN_MS * 1_000_000L;
            consume(ordered, end, giveUp, sink, source.isLive() ? liveBudget : null);
            dropped.addAndGet(ordered.stream().filter(f -> f != end).count());
        } finally {
            workers.shutdownNow();
            classifying.shutdownNow();
            pending = null;
            reader.interrupt();
            reader.join(READER_JOIN_MS);
            workers.awaitTermination(5, TimeUnit.SECONDS);
            classifying.awaitTermination(5, TimeUnit.SECONDS);
        }
        return new Outcome(read.get(), dropped.get(), Optional.ofNullable(error.get()));
    }

    private void consume(BlockingQueue<Future<Detected>> ordered, Future<Detected> end, java.util.function.BooleanSupplier abort,
                         Sink sink, AtomicInteger liveBudget) throws InterruptedException {
        boolean ended = false;
        HeapTrimmer trimmer = new HeapTrimmer();
        while (!ended && !abort.getAsBoolean()) {
            List<Detected> batch = new ArrayList<>();
            Future<Detected> first = ordered.poll(200, TimeUnit.MILLISECONDS);
            if (first == null) {
                continue;
            }
            if (first == end) {
                break;
            }
            batch.add(get(first));
            Future<Detected> more;
            while (batch.size() < MAX_BATCH && (more = ordered.peek()) != null && more.isDone()) {
                ordered.remove();
                if (more == end) {
                    ended = true;
                    break;
                }
                batch.add(get(more));
            }
            analyzeBatch(batch, sink);
            trimmer.maybeTrim();
            if (liveBudget != null) {
                for (Detected d : batch) {
                    liveBudget.addAndGet(d.frame().width() * d.frame().height() * 3);
                }
            }
        }
        if (!abort.getAsBoolean()) {
            trackPending(sink);
        }
    }

    private void analyzeBatch(List<Detected> batch, Sink sink) throws InterruptedException {
        int from = 0;
        for (int i = 1; i <= batch.size(); i++) {
            if (i == batch.size() || batch.get(i).cut() || !batch.get(i).frame().source().equals(batch.get(from).frame().source())) {
                analyzeOneShot(batch.subList(from, i), sink);
                from = i;
            }
        }
    }

    /**
     * Frames of one shot of one source (tracks restart when it is not the previous frame's): their faces are found here,
     * classified on the classifying thread while the next frames' faces are found, and tracked in order after the frames
     * before them.
     */
    private void analyzeOneShot(List<Detected> batch, Sink sink) throws InterruptedException {
        if (batch.get(0).cut() || !batch.get(0).frame().source().equals(lastSource)) {
            trackPending(sink);
            main.reset();
            lastSource = batch.get(0).frame().source();
        }
        List<VideoFrame> frames = new ArrayList<>(batch.size());
        List<List<FaceBox>> boxes = new ArrayList<>(batch.size());
        double[] detectMs = new double[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Detected d = batch.get(i);
            long t0 = System.nanoTime();
            List<FaceBox> found = d.boxes();
            if (scanEvery > 1) {
                found = main.followFaces(d.frame(), d.scanHere() ? main.detect(d.frame()) : d.boxes());
            }
            detectMs[i] = d.detectMs() + (System.nanoTime() - t0) / 1e6;
            frames.add(d.frame());
            boxes.add(found);
        }
        Future<Classified> scores = classifying.submit(() -> {
            long t0 = System.nanoTime();
            List<List<EmotionScores>> s = main.classifyAll(frames, boxes);
            return new Classified(s, (System.nanoTime() - t0) / 1e6 / frames.size());
        });
        trackPending(sink);
        pending = new Pending(frames, boxes, detectMs, scores);
    }

    /** Waits for the classification of the frames sent before and tracks them, in order. */
    private void trackPending(Sink sink) throws InterruptedException {
        Pending p = pending;
        pending = null;
        if (p == null) {
            return;
        }
        Classified c = get(p.scores());
        for (int i = 0; i < p.frames().size(); i++) {
            List<EmotionScores> scores = c.scores().get(i);
            VideoFrame frame = p.frames().get(i);
            sink.accept(main.track(frame, p.boxes().get(i), scores, p.detectMs()[i], scores.isEmpty() ? 0 : c.msPerFrame()));
            if (!sink.keepsFrames()) {
                running.recycle(frame);
            }
        }
    }

    private static Detected detect(BlockingQueue<FrameAnalyzer> pool, VideoFrame frame, boolean cut) throws InterruptedException {
        FrameAnalyzer detector = pool.take();
        try {
            long t0 = System.nanoTime();
            List<FaceBox> boxes = detector.detect(frame);
            return new Detected(frame, boxes, (System.nanoTime() - t0) / 1e6, false, cut);
        } finally {
            pool.put(detector);
        }
    }

    private static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
