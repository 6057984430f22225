package io.emolens.archive;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.emolens.core.EmolensException;

/**
 * Finds Spark for {@code archive}. Under spark-submit Spark is already on the class path and the job runs there. Else
 * Spark's jars come from the {@value #FOLDER} folder that the source build writes beside {@code emolens.jar} (or
 * {@code -Demolens.spark.lib=DIR}), in a {@link SparkClassLoader} of their own: the desktop app neither loads nor ships
 * them. One loader per folder and process, since loading Spark's classes takes seconds.
 */
public final class SparkRuntime {
    /** The folder of Spark's jars beside the app's jar (target/spark-lib in a source build). */
    public static final String FOLDER = "spark-lib";
    static final String JOB = SparkClassLoader.OWN_PACKAGE + "SparkArchiveJob";
    /** Packages Spark reaches into by reflection on Java 17 (the jar manifest's Add-Opens; spark-submit adds its own). */
    static final List<String> OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio",
            "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch", "sun.nio.cs", "sun.security.action",
            "sun.util.calendar");
    private static final Map<Path, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private SparkRuntime() {
    }

    /** Whether this process was started by spark-submit (which sets the {@code SPARK_SUBMIT} system property). */
    public static boolean underSparkSubmit() {
        return System.getProperty("SPARK_SUBMIT") != null;
    }

    /** The job, on the class path spark-submit gave or on Spark's jars from {@value #FOLDER}; EmolensException when neither is there. */
    public static ArchiveJob job() {
        ClassLoader app = SparkRuntime.class.getClassLoader();
        if (underSparkSubmit()) {
            return instantiate(app);
        }
        Path lib = folder().orElseThrow(() -> new EmolensException("Spark is not installed with this copy of Emolens (no " + FOLDER
                + "/ folder beside emolens.jar; the desktop packages leave it out). Run archive from a source build (mvn package writes target/"
                + FOLDER + ") or with spark-submit (README, \"Video archives with Spark\")."));
        ClassLoader loader = LOADERS.computeIfAbsent(lib, dir -> new SparkClassLoader(jars(dir), app));
        List<String> closed = OPENS.stream().filter(p -> !Object.class.getModule().isOpen(p, loader.getUnnamedModule())).toList();
        if (!closed.isEmpty()) {
            throw new EmolensException("Spark needs java.base's packages " + closed + " opened to it: start Emolens with java -jar (its manifest opens them) "
                    + "or add --add-opens java.base/PACKAGE=ALL-UNNAMED for each.");
        }
        return instantiate(loader);
    }

    private static ArchiveJob instantiate(ClassLoader loader) {
        try {
            return (ArchiveJob) Class.forName(JOB, true, loader).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new EmolensException("Cannot start Spark: " + e, e);
        }
    }

    static Optional<Path> folder() {
        String property = System.getProperty("emolens.spark.lib");
        if (property != null) {
            return Optional.of(Path.of(property)).filter(Files::isDirectory);
        }
        try {
            Path code = Path.of(SparkRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(code.getParent()).map(dir -> dir.resolve(FOLDER)).filter(Files::isDirectory);
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static URL[] jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<URL> urls = new ArrayList<>();
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
            if (urls.isEmpty()) {
                throw new EmolensException(dir + " holds no jars; rebuild with mvn package.");
            }
            return urls.toArray(URL[]::new);
        } catch (IOException e) {
            throw new EmolensException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
