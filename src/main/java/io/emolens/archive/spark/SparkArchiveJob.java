package io.emolens.archive.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;

import io.emolens.archive.ArchiveJob;
import io.emolens.archive.ArchiveProgress;
import io.emolens.archive.ArchiveRequest;
import io.emolens.archive.ExecutorSetup;
import io.emolens.archive.SegmentResult;
import io.emolens.archive.VideoProbe;
import io.emolens.archive.VideoRow;
import io.emolens.archive.VideoSegment;
import io.emolens.archive.VideosTable;
import io.emolens.archive.WarmUp;
import io.emolens.core.EmolensException;

/**
 * The archive as a Spark application. On the driver: lists the videos, skips those videos.csv holds complete, probes the
 * rest (one task per video), cuts them into segments and analyzes the segments (one task each) in batches of whole
 * videos (first finding the cuts of each segment but a video's last, one task each, to warm the next ones up: {@link
 * WarmUp}), writing after each batch its face rows to faces/ (Parquet, one folder per video, emptied before the video is
 * analyzed) and then videos.csv and videos.parquet. So a killed run loses at most the batch in progress, and a re-run
 * redoes only videos not complete, never adding a row twice.
 */
public final class SparkArchiveJob implements ArchiveJob {
    static final String FACES = "faces";
    static final String VIDEOS_PARQUET = "videos.parquet";
    /** The partition column of faces/: {@link ArchiveFiles#key} of the video. */
    static final String VIDEO_KEY = "video";
    private static final long PROGRESS_EVERY_MS = 5000;

    @Override
    public int run(ArchiveRequest request, ExecutorSetup setup, PrintStream console) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(getClass().getClassLoader());
        try {
            return runHere(request, setup, console);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private int runHere(ArchiveRequest request, ExecutorSetup setup, PrintStream console) {
        QuietLogging.install();
        SparkConf conf = new SparkConf().setAppName("emolens archive");
        if (request.master() != null) {
            conf.setMaster(request.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        boolean local = conf.get("spark.master").startsWith("local");
        if (local) {
            conf.setIfMissing("spark.driver.host", "localhost");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        Configuration hadoop = SparkHadoopUtil.get().newConfiguration(conf);
        List<String> videos = ArchiveFiles.videos(request.inputs(), hadoop);
        Path out = ArchiveFiles.output(request.out(), hadoop);
        Path csv = new Path(out, VideosTable.FILE);
        VideosTable table = readTable(csv, hadoop);
        List<String> todo = videos.stream().filter(v -> !table.complete(v)).toList();
        console.printf(Locale.ROOT, "archive: %d videos, %d already complete (skipped), %d to analyze -> %s%n", videos.size(),
                videos.size() - todo.size(), todo.size(), out);
        if (!todo.isEmpty()) {
            SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
            try {
                analyze(spark, todo, request, setup, out, table, console);
            } finally {
                spark.stop();
            }
        }
        List<VideoRow> rows = videos.stream().map(table::get).toList();
        long failed = rows.stream().filter(r -> !r.complete()).count();
        for (VideoRow r : rows) {
            if (!r.complete()) {
                console.println("archive: failed: " + r.source() + ": " + r.error());
            }
        }
        console.printf(Locale.ROOT, "archive: %d complete, %d failed, %d face rows -> %s%n", rows.size() - failed, failed,
                rows.stream().mapToLong(VideoRow::faceRows).sum(), out);
        return failed > 0 ? SOME_FAILED : ALL_COMPLETE;
    }

    private static VideosTable readTable(Path csv, Configuration hadoop) {
        try {
            byte[] bytes = ArchiveFiles.readIfExists(csv, hadoop);
            return bytes == null ? new VideosTable() : VideosTable.read(new ByteArrayInputStream(bytes), csv.toString());
        } catch (IOException e) {
            throw new EmolensException("Cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    private static void analyze(SparkSession spark, List<String> todo, ArchiveRequest request, ExecutorSetup setup, Path out,
                                VideosTable table, PrintStream console) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        scala.Option<String> ui = spark.sparkContext().uiWebUrl();
        console.println("archive: Spark " + spark.version() + " on " + jsc.master() + (ui.isDefined() ? ", its UI at " + ui.get() : ""));
        console.println("archive: " + setup.describe());
        Map<String, String> shipped = Shipping.ship(jsc, setup);
        Configuration hadoop = jsc.hadoopConfiguration();
        long start = System.nanoTime();
        List<VideoProbe> probes = jsc.parallelize(todo, todo.size()).map(source -> Tasks.probe(source, setup)).collect();
        List<VideoSegment> plan = new ArrayList<>();
        for (VideoProbe p : probes) {
            if (p.ok()) {
                plan.addAll(VideoSegment.plan(p, request.segmentMs()));
            } else {
                table.put(VideoRow.of(p, List.of()));
            }
        }
        ArchiveProgress progress = new ArchiveProgress(probes, plan, start);
        CollectionAccumulator<SegmentResult> done = jsc.sc().collectionAccumulator("emolens segments done");
        Map<String, VideoProbe> bySource = probes.stream().collect(Collectors.toMap(VideoProbe::source, p -> p));
        try (Reporter reporter = new Reporter(progress, done, bySource, console, PROGRESS_EVERY_MS)) {
            for (List<VideoSegment> batch : batches(plan, 4 * Math.max(1, jsc.defaultParallelism()))) {
                runBatch(spark, jsc, batch, setup, shipped, done, bySource, out, table, hadoop);
                writeTable(spark, out, table, hadoop);
                reporter.report();
            }
            if (plan.isEmpty()) {
                writeTable(spark, out, table, hadoop);
            }
        }
    }

    /** Whole videos, in order, until a batch has at least {@code segments} segments. */
    static List<List<VideoSegment>> batches(List<VideoSegment> plan, int segments) {
        List<List<VideoSegment>> out = new ArrayList<>();
        List<VideoSegment> current = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            current.add(plan.get(i));
            boolean videoEnds = i + 1 == plan.size() || !plan.get(i + 1).source().equals(plan.get(i).source());
            if (videoEnds && current.size() >= segments) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static void runBatch(SparkSession spark, JavaSparkContext jsc, List<VideoSegment> batch, ExecutorSetup setup,
                                 Map<String, String> shipped, CollectionAccumulator<SegmentResult> done, Map<String, VideoProbe> probes,
                                 Path out, VideosTable table, Configuration hadoop) {
        Set<String> sources = new java.util.LinkedHashSet<>();
        batch.forEach(s -> sources.add(s.source()));
        Path faces = new Path(out, FACES);
        try {
            for (String source : sources) {
                ArchiveFiles.delete(new Path(faces, VIDEO_KEY + "=" + ArchiveFiles.key(source)), hadoop);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<VideoSegment> before = batch.stream().filter(s -> s.index() < s.count() - 1).toList();
        List<WarmUp.Cut> cuts = before.isEmpty() ? List.of()
                : jsc.parallelize(before, before.size()).flatMap(s -> Tasks.cuts(s, setup).iterator()).collect();
        JavaRDD<SegmentResult> results = jsc.parallelize(WarmUp.plan(batch, cuts, WarmUp.DEFAULT_MS), batch.size())
                .map(segment -> Tasks.analyze(segment, setup, shipped, done))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            List<SegmentResult> summaries = results.map(SegmentResult::withoutRows).collect();
            Map<String, List<SegmentResult>> perVideo = new LinkedHashMap<>();
            for (SegmentResult r : summaries) {
                perVideo.computeIfAbsent(r.segment().source(), k -> new ArrayList<>()).add(r);
            }
            Map<String, VideoRow> rows = new HashMap<>();
            for (String source : sources) {
                rows.put(source, VideoRow.of(probes.get(source), perVideo.getOrDefault(source, List.of())));
            }
            HashSet<String> complete = new HashSet<>();
            rows.values().stream().filter(VideoRow::complete).forEach(r -> complete.add(r.source()));
            JavaRDD<Row> faceRows = results.filter(r -> complete.contains(r.segment().source()))
                    .flatMap(r -> r.rows().stream().map(Schemas::face).iterator());
            spark.createDataFrame(faceRows, Schemas.FACES).write().mode(SaveMode.Append).partitionBy(VIDEO_KEY).parquet(faces.toString());
            rows.values().forEach(table::put);
        } finally {
            results.unpersist(false);
        }
    }

    private static void writeTable(SparkSession spark, Path out, VideosTable table, Configuration hadoop) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            table.write(bytes);
            ArchiveFiles.replace(new Path(out, VideosTable.FILE), bytes.toByteArray(), hadoop);
        } catch (IOException e) {
            throw new EmolensException("Cannot write " + new Path(out, VideosTable.FILE) + ": " + e.getMessage(), e);
        }
        List<Row> rows = table.rows().stream().map(r -> RowFactory.create(r.values().toArray())).toList();
        spark.createDataFrame(rows, Schemas.VIDEOS).coalesce(1).write().mode(SaveMode.Overwrite).parquet(new Path(out, VIDEOS_PARQUET).toString());
    }
}
