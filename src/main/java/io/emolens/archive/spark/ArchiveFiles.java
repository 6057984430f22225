package io.emolens.archive.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import io.emolens.core.EmolensException;

/**
 * The archive's files on any Hadoop filesystem (file:, hdfs:, s3a: where the cluster has the connector): the videos of
 * the inputs, the output folder, and on an executor a local copy of a video that is not on a local disk (FFmpeg reads
 * files), kept for the executor's other segments of it.
 */
final class ArchiveFiles {
    /** Extensions a folder's files must have to be taken as videos (a file named as an input is always taken). */
    static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "avi", "mkv", "webm", "mpg", "mpeg", "wmv", "flv", "ts",
            "mts", "m2ts", "3gp", "ogv");

    private ArchiveFiles() {
    }

    /** The videos of {@code inputs}, as fully qualified URIs, each once, in input order and by name within a folder. */
    static List<String> videos(List<String> inputs, Configuration conf) {
        Set<String> out = new LinkedHashSet<>();
        for (String input : inputs) {
            Path path = new Path(input);
            try {
                FileSystem fs = path.getFileSystem(conf);
                FileStatus status;
                try {
                    status = fs.getFileStatus(path);
                } catch (FileNotFoundException e) {
                    throw new EmolensException("Input not found: " + input);
                }
                if (!status.isDirectory()) {
                    out.add(fs.makeQualified(path).toString());
                    continue;
                }
                List<String> found = new ArrayList<>();
                Path root = fs.makeQualified(path);
                RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
                while (files.hasNext()) {
                    Path file = fs.makeQualified(files.next().getPath());
                    if (isVideoName(file, root)) {
                        found.add(fs.makeQualified(file).toString());
                    }
                }
                if (found.isEmpty()) {
                    throw new EmolensException("No videos found in " + input + " (looked for ." + String.join(", .", VIDEO_EXTENSIONS.stream().sorted().toList())
                            + " files in it and its subfolders).");
                }
                found.sort(null);
                out.addAll(found);
            } catch (IOException e) {
                throw new EmolensException("Cannot read input " + input + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    private static boolean isVideoName(Path file, Path root) {
        for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
            if (p.getName().startsWith(".") || p.getName().startsWith("_")) {
                return false;
            }
        }
        String name = file.getName();
        int dot = name.lastIndexOf('.');
        return dot > 0 && VIDEO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The qualified output folder, created if missing and checked writable; EmolensException saying why not. */
    static Path output(String out, Configuration conf) {
        Path path = new Path(out);
        try {
            FileSystem fs = path.getFileSystem(conf);
            Path qualified = fs.makeQualified(path);
            if (fs.exists(qualified) && !fs.getFileStatus(qualified).isDirectory()) {
                throw new EmolensException("Output " + out + " is a file, not a folder. Choose a folder for --out.");
            }
            if (!fs.mkdirs(qualified)) {
                throw new EmolensException("Cannot create output folder " + out + ".");
            }
            Path probe = new Path(qualified, ".emolens-write-test");
            try (OutputStream o = fs.create(probe, true)) {
                o.write('\n');
            }
            fs.delete(probe, false);
            return qualified;
        } catch (EmolensException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new EmolensException("Output folder " + out + " is not writable: " + e.getMessage(), e);
        }
    }

    /** Reads {@code file}, or null when it does not exist. */
    static byte[] readIfExists(Path file, Configuration conf) throws IOException {
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            return null;
        }
        try (InputStream in = fs.open(file)) {
            return in.readAllBytes();
        }
    }

    /** Replaces {@code file} with {@code bytes}: written beside it, then renamed over it (atomically on a local disk). */
    static void replace(Path file, byte[] bytes, Configuration conf) throws IOException {
        if ("file".equals(file.toUri().getScheme())) {
            java.nio.file.Path target = java.nio.file.Path.of(file.toUri());
            java.nio.file.Path tmp = target.resolveSibling(target.getFileName() + ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        FileSystem fs = file.getFileSystem(conf);
        Path tmp = new Path(file.getParent(), file.getName() + ".part");
        try (OutputStream o = fs.create(tmp, true)) {
            o.write(bytes);
        }
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) {
            throw new IOException("cannot rename " + tmp + " to " + file);
        }
    }

    static void delete(Path path, Configuration conf) throws IOException {
        path.getFileSystem(conf).delete(path, true);
    }

    /**
     * The video {@code source} as a local file: itself on a local disk, else a copy in {@code cacheDir} (kept, so an
     * executor copies a video once for all its segments of it).
     */
    static java.nio.file.Path local(String source, java.nio.file.Path cacheDir) throws IOException {
        Path path = new Path(source);
        java.net.URI uri = path.toUri();
        if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
            return java.nio.file.Path.of(uri.getPath());
        }
        java.nio.file.Path target = cacheDir.resolve(key(source) + "-" + path.getName());
        synchronized (ArchiveFiles.class) {
            if (!Files.isRegularFile(target)) {
                Files.createDirectories(cacheDir);
                java.nio.file.Path tmp = Files.createTempFile(cacheDir, "copy", ".part");
                FileSystem fs = path.getFileSystem(new Configuration());
                try (InputStream in = fs.open(path)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return target;
    }

    /** A short stable key of a video (16 hex digits of its URI's SHA-256): its partition folder name under faces/. */
    static String key(String source) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
